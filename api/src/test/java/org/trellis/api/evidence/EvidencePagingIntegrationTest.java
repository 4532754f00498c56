package org.trellis.api.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trellis.api.support.Connections.cursors;
import static org.trellis.api.support.Connections.hasNext;
import static org.trellis.api.support.Connections.hasPrevious;
import static org.trellis.api.support.Connections.ids;
import static org.trellis.api.support.Connections.info;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.trellis.api.support.Connections;
import org.trellis.api.support.IntegrationTest;

/**
 * A person's evidence (newest day first, then by id) and the review queue (least recently changed first) page by
 * keyset: evidence logged, submitted or endorsed between pages is neither skipped nor repeated, however many items
 * share a day, and the edges of the lists answer the right pages.
 */
class EvidencePagingIntegrationTest extends IntegrationTest {

    private static final String DRAFTS = "query($first: Int, $after: String, $last: Int, $before: String) {"
            + " evidence(personId: \"%s\", first: $first, after: $after, last: $last, before: $before,"
            + " filter: {status: DRAFT}) { edges { cursor node { id } }"
            + " pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }";
    private static final String QUEUE = "query($first: Int, $after: String, $last: Int, $before: String) {"
            + " reviewQueue(first: $first, after: $after, last: $last, before: $before) { edges { cursor node { id } }"
            + " pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }";
    private static final String STEP = "mutation($in: EvidenceTransitionInput!) { %s(input: $in) {"
            + " evidence { status } userErrors { code } } }";

    private GraphQlTester engineer;
    private GraphQlTester manager;
    private String engineerId;
    private String codeReview;
    private List<String> initial;
    private int logged;

    /** Ten drafts on four days of 2020, so most share their day with others. */
    @BeforeEach
    void tenDrafts() {
        TestTenant tenant = newTenant("evidence-paging");
        String admin = tenant.admin();
        String version = seniorRoleTemplate(admin);
        codeReview = competencies(admin, version).get("code-review");
        engineer = graphQl(tenant.token("eli"));
        manager = graphQl(tenant.token("mia", "managers"));
        engineerId = personOf(tenant.token("eli"));
        graphQl(admin)
                .document("mutation($p: ID!, $m: ID, $v: ID!) { setManager(input: {personId: $p, managerId: $m})"
                        + " { person { id } } assignFramework(input: {personId: $p, versionId: $v, currentLevel:"
                        + " \"L3\"}) { userErrors { message } } }")
                .variable("p", engineerId)
                .variable("m", personOf(tenant.token("mia", "managers")))
                .variable("v", version)
                .execute()
                .path("assignFramework.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        for (int i = 0; i < 10; i++) {
            log(LocalDate.of(2020, 3, 1 + i % 4));
        }
        initial = ids(drafts(Map.of("first", 100)));
        assertThat(initial).hasSize(10);
    }

    @Test
    void walkingForwardWithEvidenceLoggedOnBothSidesOfTheCursorNeitherSkipsNorRepeats() {
        for (int size : new int[] {1, 3, 4}) {
            List<String> older = new ArrayList<>();
            List<String> seen = Connections.walk(engineer, draftsDocument(), "evidence", size, true, () -> {
                log(newest()); // before every cursor: never reached
                if (older.isEmpty()) {
                    older.add(log(oldest())); // at the end: reached
                }
            });
            List<String> expected = new ArrayList<>(initial);
            expected.addAll(older);
            assertThat(seen).as("page size " + size).isEqualTo(expected);
            initial = ids(drafts(Map.of("first", 100)));
        }
    }

    @Test
    void walkingBackwardFromTheEndWithEvidenceLoggedOnBothSidesNeitherSkipsNorRepeats() {
        for (int size : new int[] {1, 3, 4}) {
            List<String> newer = new ArrayList<>();
            List<String> seen = Connections.walk(engineer, draftsDocument(), "evidence", size, false, () -> {
                log(oldest()); // after every cursor: never reached
                if (newer.isEmpty()) {
                    newer.add(log(newest())); // at the start: reached
                }
            });
            List<String> expected = new ArrayList<>(newer);
            expected.addAll(initial);
            assertThat(seen).as("page size " + size).isEqualTo(expected);
            initial = ids(drafts(Map.of("first", 100)));
        }
    }

    @Test
    void submittingTheCursorsDraftAndOthersBetweenPagesSkipsOnlyThem() {
        Map<String, Object> first = drafts(Map.of("first", 3));
        step("submitEvidence", initial.get(2), 1); // the cursor's own item leaves the drafts
        step("submitEvidence", initial.get(4), 1);
        Map<String, Object> second =
                drafts(Map.of("first", 3, "after", info(first).get("endCursor")));
        assertThat(ids(second)).containsExactly(initial.get(3), initial.get(5), initial.get(6));

        Map<String, Object> end = drafts(Map.of("last", 3));
        step("submitEvidence", initial.get(7), 1);
        Map<String, Object> before =
                drafts(Map.of("last", 3, "before", info(end).get("startCursor")));
        assertThat(ids(before)).containsExactly(initial.get(3), initial.get(5), initial.get(6));
    }

    @Test
    void theEdgesOfTheListAnswerTheRightPages() {
        List<String> cursors = cursors(drafts(Map.of("first", 100)));

        Map<String, Object> end = drafts(Map.of("last", 3));
        assertThat(ids(end)).as("last without before: the end").isEqualTo(initial.subList(7, 10));
        assertThat(hasPrevious(end)).isTrue();
        Map<String, Object> nearStart = drafts(Map.of("last", 4, "before", cursors.get(1)));
        assertThat(ids(nearStart)).as("last 4 before the 2nd: only the 1st").containsExactly(initial.getFirst());
        assertThat(hasPrevious(nearStart)).isFalse();
        assertThat(ids(drafts(Map.of("last", 4, "before", cursors.getFirst())))).isEmpty();
        assertThat(ids(drafts(Map.of("last", 2, "before", cursors.get(5))))).isEqualTo(initial.subList(3, 5));
        assertThat(ids(drafts(Map.of("first", 2, "after", cursors.get(5))))).isEqualTo(initial.subList(6, 8));
        Map<String, Object> past = drafts(Map.of("first", 4, "after", cursors.getLast()));
        assertThat(ids(past)).isEmpty();
        assertThat(hasNext(past)).isFalse();
        assertThat(hasNext(drafts(Map.of("first", 10)))).isFalse();
        assertThat(hasNext(drafts(Map.of("first", 9)))).isTrue();
    }

    @Test
    void theReviewQueueKeepsItsPlaceWhileEvidenceIsSubmittedAndEndorsedBetweenPages() {
        initial.forEach(id -> step("submitEvidence", id, 1));
        List<String> queue = ids(queue(Map.of("first", 100)));
        assertThat(queue).as("least recently changed first").isEqualTo(initial);

        // Forward: newly submitted items join the end, which the walk reaches.
        List<String> submitted = new ArrayList<>();
        List<String> forward = Connections.walk(manager, QUEUE, "reviewQueue", 3, true, () -> {
            String id = log(newest());
            step("submitEvidence", id, 1);
            submitted.add(id);
        });
        List<String> expected = new ArrayList<>(queue);
        expected.addAll(submitted);
        assertThat(forward).isEqualTo(expected);

        // Backward from the end: endorsing the start cursor's own item, and more submitted at the end, move nothing.
        List<String> before = ids(queue(Map.of("first", 100)));
        int[] pages = {0};
        List<String> backward = Connections.walk(manager, QUEUE, "reviewQueue", 4, false, () -> {
            step("submitEvidence", log(oldest()), 1);
            managerStep("endorseEvidence", before.get(before.size() - 4 * ++pages[0]));
        });
        assertThat(backward).isEqualTo(before);

        // The edges: the end without a cursor, and only the first item before the second.
        queue = ids(queue(Map.of("first", 100)));
        assertThat(ids(queue(Map.of("last", 2)))).isEqualTo(queue.subList(queue.size() - 2, queue.size()));
        String second = cursors(queue(Map.of("first", 2))).get(1);
        assertThat(ids(queue(Map.of("last", 5, "before", second)))).containsExactly(queue.getFirst());
    }

    private Map<String, Object> drafts(Map<String, Object> arguments) {
        return Connections.page(engineer, draftsDocument(), "evidence", arguments);
    }

    private Map<String, Object> queue(Map<String, Object> arguments) {
        return Connections.page(manager, QUEUE, "reviewQueue", arguments);
    }

    /** The engineer's drafts, newest first. */
    private String draftsDocument() {
        return DRAFTS.formatted(engineerId);
    }

    /** A day later than every item so far (up to tomorrow, which it never reaches here). */
    private LocalDate newest() {
        return LocalDate.of(2021, 1, 1).plusDays(logged);
    }

    /** A day earlier than every item so far. */
    private LocalDate oldest() {
        return LocalDate.of(2001, 1, 1).minusDays(logged);
    }

    private String log(LocalDate occurredOn) {
        logged++;
        return engineer.document("mutation($in: LogEvidenceInput!) { logEvidence(input: $in) { evidence { id } } }")
                .variable(
                        "in",
                        Map.of(
                                "competencyIds",
                                List.of(codeReview),
                                "kind",
                                "CODE_REVIEW",
                                "title",
                                "Reviewed change " + logged,
                                "occurredOn",
                                occurredOn.toString(),
                                "impact",
                                "TEAM"))
                .execute()
                .path("logEvidence.evidence.id")
                .entity(String.class)
                .get();
    }

    private void step(String mutation, String id, int version) {
        transition(engineer, mutation, id, version, "SUBMITTED");
    }

    private void managerStep(String mutation, String id) {
        transition(manager, mutation, id, 2, "ENDORSED");
    }

    private static void transition(GraphQlTester tester, String mutation, String id, int version, String status) {
        tester.document(STEP.formatted(mutation))
                .variable("in", Map.of("id", id, "expectedVersion", version))
                .execute()
                .path(mutation + ".evidence.status")
                .entity(String.class)
                .isEqualTo(status);
    }
}
