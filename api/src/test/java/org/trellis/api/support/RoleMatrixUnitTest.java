package org.trellis.api.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.GraphQlRequest;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.client.GraphQlTransport;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.trellis.api.support.RoleMatrix.Judge;
import org.trellis.api.support.RoleMatrix.Operation;
import org.trellis.api.support.RoleMatrix.Outcome;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The judge of the role matrices fails every case that does not prove its verdict. */
class RoleMatrixUnitTest {

    enum Caller {
        ADMIN,
        COLLEAGUE
    }

    private static final Operation<String> QUEUE = RoleMatrix.<String>op(
                    "reviewQueue", "{ reviewQueue(first: 5) { edges { node { id } } } }", t -> Map.of())
            .expecting(answer -> answer.exactly("reviewQueue.edges.node.id", Set.of(answer.targets())));
    private static final Operation<String> CREATE = RoleMatrix.<String>op(
                    "createTeam",
                    "mutation { createTeam(input: {name: \"x\"}) { team { id } userErrors { code } } }",
                    t -> Map.of())
            .returning("createTeam.team.id", t -> t);
    private static final Operation<String> CREATE_UNCHECKED =
            RoleMatrix.op("createTeam", "mutation { createTeam(input: {name: \"x\"}) { team { id } } }", t -> Map.of());

    private final Judge<String> steady = new Judge<>(t -> Map.of("team", "unchanged"), () -> 7);

    @Test
    void acceptsAnAllowedAnswerWithTheExpectedItems() {
        assertThat(steady.judge(QUEUE, Caller.ADMIN, Outcome.ALLOWED, answering(queue("mine")), "mine"))
                .isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void failsAnAllowedListHoldingSomeoneElsesItemsOrNothing() {
        assertThatThrownBy(() -> steady.judge(
                        QUEUE, Caller.COLLEAGUE, Outcome.ALLOWED, answering(queue("mine", "theirs")), "mine"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("theirs");
        assertThatThrownBy(() -> steady.judge(QUEUE, Caller.ADMIN, Outcome.ALLOWED, answering(queue()), "mine"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void failsAnAllowedCaseWithoutPayload() {
        var nothing = new java.util.HashMap<String, Object>();
        nothing.put("reviewQueue", null);
        assertThatThrownBy(() ->
                        steady.judge(QUEUE, Caller.ADMIN, Outcome.ALLOWED, answering(Map.of("data", nothing)), "t"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("payload");
    }

    @Test
    void failsAMutationWithUserErrorsOrWithoutSelectingThem() {
        var invalid = Map.<String, Object>of(
                "data",
                Map.of(
                        "createTeam",
                        Map.of("team", Map.of("id", "t"), "userErrors", List.of(Map.of("code", "INVALID")))));
        assertThatThrownBy(() -> steady.judge(CREATE, Caller.ADMIN, Outcome.ALLOWED, answering(invalid), "t"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no user errors");
        var unselected = Map.<String, Object>of("data", Map.of("createTeam", Map.of("team", Map.of("id", "t"))));
        assertThatThrownBy(
                        () -> steady.judge(CREATE_UNCHECKED, Caller.ADMIN, Outcome.ALLOWED, answering(unselected), "t"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("selects userErrors");
        var other = Map.<String, Object>of(
                "data", Map.of("createTeam", Map.of("team", Map.of("id", "other"), "userErrors", List.of())));
        assertThatThrownBy(() -> steady.judge(CREATE, Caller.ADMIN, Outcome.ALLOWED, answering(other), "t"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("createTeam.team.id");
    }

    @Test
    void acceptsARefusalThatChangedNothing() {
        assertThat(steady.judge(CREATE, Caller.COLLEAGUE, Outcome.FORBIDDEN, answering(refusal("FORBIDDEN")), "t"))
                .isEqualTo(Outcome.FORBIDDEN);
    }

    @Test
    void failsARefusalAfterWhichTheStateOrTheAuditTrailChanged() {
        AtomicInteger version = new AtomicInteger();
        Judge<String> changingState = new Judge<>(t -> version.incrementAndGet(), () -> 7);
        assertThatThrownBy(() -> changingState.judge(
                        CREATE, Caller.COLLEAGUE, Outcome.FORBIDDEN, answering(refusal("FORBIDDEN")), "t"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("unchanged");
        AtomicInteger audit = new AtomicInteger();
        Judge<String> changingAudit = new Judge<>(t -> "same", audit::incrementAndGet);
        assertThatThrownBy(() -> changingAudit.judge(
                        CREATE, Caller.COLLEAGUE, Outcome.NOT_FOUND, answering(refusal("NOT_FOUND")), "t"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("unchanged");
    }

    @Test
    void failsOnOtherClassificationsAndWrongVerdicts() {
        assertThatThrownBy(() -> steady.judge(
                        CREATE, Caller.COLLEAGUE, Outcome.FORBIDDEN, answering(refusal("INTERNAL_ERROR")), "t"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("unexpected error");
        assertThatThrownBy(() ->
                        steady.judge(CREATE, Caller.COLLEAGUE, Outcome.NOT_FOUND, answering(refusal("FORBIDDEN")), "t"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void readsTheOperationsRootFieldAndKind() {
        assertThat(QUEUE.field()).isEqualTo("reviewQueue");
        assertThat(QUEUE.isMutation()).isFalse();
        assertThat(CREATE.field()).isEqualTo("createTeam");
        assertThat(CREATE.isMutation()).isTrue();
    }

    @Test
    void refusesARowWithTheWrongNumberOfOutcomes() {
        assertThatThrownBy(() -> RoleMatrix.row(QUEUE, Caller.values(), "A A A"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, Object> queue(String... ids) {
        return Map.of(
                "data",
                Map.of(
                        "reviewQueue",
                        Map.of(
                                "edges",
                                java.util.Arrays.stream(ids)
                                        .map(id -> Map.of("node", Map.of("id", id)))
                                        .toList())));
    }

    private static Map<String, Object> refusal(String classification) {
        return Map.of(
                "errors", List.of(Map.of("message", "no", "extensions", Map.of("classification", classification))));
    }

    private static GraphQlTester answering(Map<String, Object> body) {
        GraphQlTransport transport = new GraphQlTransport() {
            @Override
            public Mono<GraphQlResponse> execute(GraphQlRequest request) {
                return Mono.just(GraphQlTransport.createResponse(body));
            }

            @Override
            public Flux<GraphQlResponse> executeSubscription(GraphQlRequest request) {
                return Flux.error(new UnsupportedOperationException());
            }
        };
        return GraphQlTester.builder(transport).build();
    }
}
