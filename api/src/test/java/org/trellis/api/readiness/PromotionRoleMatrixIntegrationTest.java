package org.trellis.api.readiness;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trellis.api.support.RoleMatrix;
import org.trellis.api.support.RoleMatrix.Judge;
import org.trellis.api.support.RoleMatrix.Operation;
import org.trellis.api.support.RoleMatrix.Outcome;

/**
 * Promotion cases as every kind of caller (see {@link ReadinessMatrixOrganisation}). Reads run against the owner's
 * open case and their earlier deferred one; each write runs against a fresh person reporting to the manager, with no
 * case (nominating), a nominated case (starting review) or a case in review (deciding). The owner of a write's
 * targets is that person.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PromotionRoleMatrixIntegrationTest extends ReadinessMatrixOrganisation {

    enum Caller {
        ADMIN,
        MANAGER,
        SKIP_MANAGER,
        OWNER,
        COLLEAGUE,
        COMMITTEE,
        CLIENT_READ,
        CLIENT_WRITE,
        CLIENT_OTHER_SCOPE,
        PLATFORM,
        OTHER_TENANT_ADMIN
    }

    /**
     * The person and their token, their open case (none when nominating), their decided case (reads only), and the
     * callers' person ids by caller name.
     */
    record Targets(
            String person,
            String token,
            @Nullable String open,
            @Nullable String decided,
            Map<String, String> people) {

        String idOf(Enum<?> caller) {
            return caller == Caller.OWNER ? person : people.get(caller.name());
        }
    }

    private static final Operation<Targets> CASES = op("promotionCases", t -> Map.of("person", t.person()))
            .expecting(answer -> {
                answer.exactly(
                        "promotionCases.id",
                        Set.of(answer.targets().open(), answer.targets().decided()));
                answer.exactly(
                        "promotionCases.person.id", Set.of(answer.targets().person()));
            });
    private static final Operation<Targets> CASE_NODE = op("promotionCaseNode", t -> Map.of("id", t.open()))
            .returning("node.id", Targets::open)
            .returning("node.person.id", Targets::person)
            .expecting(answer -> answer.has("node.status", "NOMINATED"));
    /** Open cases only, of this tenant only. */
    private static final Operation<Targets> COMMITTEE_VIEW = op("promotionCommittee", t -> Map.of("level", "L4"))
            .expecting(answer -> {
                if (answer.caller() == Caller.OTHER_TENANT_ADMIN) {
                    answer.excludes("promotionCommittee.id", answer.targets().open());
                } else {
                    answer.includes("promotionCommittee.id", answer.targets().open());
                    answer.excludes("promotionCommittee.id", answer.targets().decided());
                    answer.exactly("promotionCommittee.level.code", Set.of("L4"));
                }
            });

    private static final Operation<Targets> NOMINATE = op("nominateForPromotion", t -> Map.of("person", t.person()))
            .returning("nominateForPromotion.promotionCase.person.id", Targets::person)
            .expecting(answer -> {
                answer.has("nominateForPromotion.promotionCase.status", "NOMINATED");
                answer.has("nominateForPromotion.promotionCase.version", 1);
                answer.has("nominateForPromotion.promotionCase.level.code", "L4");
                answer.has("nominateForPromotion.promotionCase.frozen.levelCode", "L4");
                answer.has(
                        "nominateForPromotion.promotionCase.nominatedBy.id",
                        answer.targets().idOf(answer.caller()));
            });
    private static final Operation<Targets> START = op("startPromotionReview", t -> Map.of("id", t.open()))
            .returning("startPromotionReview.promotionCase.id", Targets::open)
            .expecting(answer -> {
                answer.has("startPromotionReview.promotionCase.status", "IN_REVIEW");
                answer.has("startPromotionReview.promotionCase.version", 2);
            });
    private static final Operation<Targets> DECIDE = op(
                    "decidePromotion", t -> Map.of("id", t.open(), "outcome", "APPROVED"))
            .returning("decidePromotion.promotionCase.id", Targets::open)
            .expecting(answer -> {
                answer.has("decidePromotion.promotionCase.status", "APPROVED");
                answer.has("decidePromotion.promotionCase.version", 3);
                answer.has("decidePromotion.promotionCase.decisionReason", "matrix");
                answer.has(
                        "decidePromotion.promotionCase.decidedBy.id",
                        answer.targets().idOf(answer.caller()));
            });

    private static final List<Operation<Targets>> READS = List.of(CASES, CASE_NODE, COMMITTEE_VIEW);

    private final AtomicInteger sequence = new AtomicInteger();
    /** Per write, the targets of its last refused case, which changed nothing and serve the next. */
    private final Map<String, Targets> unspent = new HashMap<>();

    private Judge<Targets> judge;
    private Targets shared;

    @BeforeAll
    void setUp() {
        organisation("promotion-matrix");
        String owner = person("owner", people.get("MANAGER"));
        String decided = nominate(owner);
        start(decided);
        run(admin, "decidePromotion", Map.of("id", decided, "outcome", "DEFERRED"), "decidePromotion.promotionCase.id");
        shared = new Targets(owner, tenant.token("owner"), nominate(owner), decided, Map.copyOf(people));
        judge = new Judge<>(this::state, () -> auditEventCount(tenant.uuid()));
    }

    //                                       ADMIN MGR SKIP OWNER COLL CMTE C_READ C_WRITE C_OTHER PLATFORM OTHER
    static Stream<Arguments> matrix() {
        return Stream.of(
                        row(CASES, "A A A A N A F F F F N"),
                        row(CASE_NODE, "A A A A N A F F F F N"),
                        row(COMMITTEE_VIEW, "A F F F F A F F F F A"),
                        row(NOMINATE, "A A A F F F F F F F N"),
                        row(START, "A F F F F A F F F F N"),
                        row(DECIDE, "A F F F F A F F F F N"))
                .flatMap(Function.identity());
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("matrix")
    void enforcesTheAuthorizationPolicy(Operation<Targets> operation, Caller caller, Outcome expected) {
        boolean read = READS.contains(operation);
        Targets targets = read
                ? shared
                : unspent.containsKey(operation.name()) ? unspent.remove(operation.name()) : fresh(operation);
        String token = caller == Caller.OWNER ? targets.token() : tokenOf(caller);
        Outcome outcome = judge.judge(operation, caller, expected, graphQl(token), targets);
        if (!read && outcome != Outcome.ALLOWED) {
            unspent.put(operation.name(), targets);
        }
    }

    /** The person's cases as the admin sees them: a nomination adds one, a move changes status and version. */
    private Object state(Targets t) {
        return read("promotionState", Map.of("person", t.person()));
    }

    private Targets fresh(Operation<Targets> operation) {
        String subject = "candidate-" + sequence.incrementAndGet();
        String person = person(subject, people.get("MANAGER"));
        String open = operation == NOMINATE ? null : nominate(person);
        if (operation == DECIDE) {
            start(open);
        }
        return new Targets(person, tenant.token(subject), open, null, Map.copyOf(people));
    }

    private String nominate(String person) {
        return run(
                tokens.get("MANAGER"),
                "nominateForPromotion",
                Map.of("person", person),
                "nominateForPromotion.promotionCase.id");
    }

    private void start(String promotionCase) {
        run(
                tokens.get("COMMITTEE"),
                "startPromotionReview",
                Map.of("id", promotionCase),
                "startPromotionReview.promotionCase.id");
    }

    private static Stream<Arguments> row(Operation<Targets> operation, String outcomes) {
        return RoleMatrix.row(operation, Caller.values(), outcomes);
    }

    private static Operation<Targets> op(String document, Function<Targets, Map<String, Object>> variables) {
        return RoleMatrix.op(document, document(document), variables);
    }
}
