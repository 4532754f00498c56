package org.trellis.api.mentoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trellis.api.support.Connections.cursors;
import static org.trellis.api.support.Connections.hasNext;
import static org.trellis.api.support.Connections.hasPrevious;
import static org.trellis.api.support.Connections.ids;
import static org.trellis.api.support.Connections.info;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.trellis.api.support.Connections;
import org.trellis.api.support.IntegrationTest;

/**
 * The pairings of a manager's reports (newest first, then by id) page by keyset: pairings proposed or declined
 * between pages are neither skipped nor repeated, and the edges of the list answer the right pages.
 */
class MentorshipPagingIntegrationTest extends IntegrationTest {

    private static final String PROPOSED = "query($first: Int, $after: String, $last: Int, $before: String) {"
            + " reportsMentorships(status: [PROPOSED], first: $first, after: $after, last: $last, before: $before)"
            + " { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }";

    private TestTenant tenant;
    private GraphQlTester boss;
    private String mentee;
    private List<String> initial;
    /** Each pairing's mentor, by the pairing's id. */
    private final Map<String, String> mentorSubjects = new HashMap<>();

    /** Eight proposals for one report of the boss, each with another mentor. */
    @BeforeEach
    void eightProposals() {
        tenant = newTenant("mentorship-paging");
        boss = graphQl(tenant.token("boss", "managers"));
        mentee = personOf(tenant.token("mia"));
        graphQl(tenant.admin())
                .document("mutation($p: ID!, $m: ID) { setManager(input: {personId: $p, managerId: $m})"
                        + " { person { id } } }")
                .variable("p", mentee)
                .variable("m", personOf(tenant.token("boss", "managers")))
                .execute()
                .path("setManager.person.id")
                .hasValue();
        for (int i = 0; i < 8; i++) {
            propose();
        }
        initial = ids(page(Map.of("first", 100)));
        assertThat(initial).hasSize(8);
    }

    @Test
    void walkingForwardWhileMoreAreProposedNeitherSkipsNorRepeats() {
        for (int size : new int[] {1, 3}) {
            List<String> seen = Connections.walk(boss, PROPOSED, "reportsMentorships", size, true, this::propose);
            assertThat(seen)
                    .as("page size " + size + ": newer proposals land before the cursor")
                    .isEqualTo(initial);
            initial = ids(page(Map.of("first", 100)));
        }
    }

    @Test
    void walkingBackwardFromTheEndReachesEveryProposalMadeMeanwhileOnce() {
        List<String> proposed = new ArrayList<>();
        List<String> seen = Connections.walk(boss, PROPOSED, "reportsMentorships", 3, false, () -> {
            if (proposed.size() < 2) {
                proposed.addFirst(propose()); // at the start, where the walk is going
            }
        });
        List<String> expected = new ArrayList<>(proposed);
        expected.addAll(initial);
        assertThat(seen).isEqualTo(expected);
    }

    @Test
    void decliningTheCursorsProposalAndOthersBetweenPagesSkipsOnlyThem() {
        Map<String, Object> first = page(Map.of("first", 3));
        decline(initial.get(2)); // the cursor's own pairing leaves the list
        decline(initial.get(4));
        Map<String, Object> second =
                page(Map.of("first", 3, "after", info(first).get("endCursor")));
        assertThat(ids(second)).containsExactly(initial.get(3), initial.get(5), initial.get(6));

        Map<String, Object> end = page(Map.of("last", 1));
        decline(initial.get(7));
        Map<String, Object> before = page(Map.of("last", 2, "before", info(end).get("startCursor")));
        assertThat(ids(before)).containsExactly(initial.get(5), initial.get(6));
    }

    @Test
    void theEdgesOfTheListAnswerTheRightPages() {
        List<String> cursors = cursors(page(Map.of("first", 100)));

        Map<String, Object> end = page(Map.of("last", 3));
        assertThat(ids(end)).as("last without before: the end").isEqualTo(initial.subList(5, 8));
        assertThat(hasPrevious(end)).isTrue();
        Map<String, Object> nearStart = page(Map.of("last", 3, "before", cursors.get(1)));
        assertThat(ids(nearStart)).as("last 3 before the 2nd: only the 1st").containsExactly(initial.getFirst());
        assertThat(hasPrevious(nearStart)).isFalse();
        assertThat(ids(page(Map.of("last", 3, "before", cursors.getFirst())))).isEmpty();
        Map<String, Object> past = page(Map.of("first", 3, "after", cursors.getLast()));
        assertThat(ids(past)).isEmpty();
        assertThat(hasNext(past)).isFalse();
        assertThat(ids(page(Map.of("first", 2, "after", cursors.get(2))))).isEqualTo(initial.subList(3, 5));
        assertThat(ids(page(Map.of("last", 8)))).isEqualTo(initial);
        assertThat(hasPrevious(page(Map.of("last", 8)))).isFalse();
    }

    private Map<String, Object> page(Map<String, Object> arguments) {
        return Connections.page(boss, PROPOSED, "reportsMentorships", arguments);
    }

    /** The boss proposes the mentee to a new mentor. */
    private String propose() {
        String subject = "mentor-" + mentorSubjects.size();
        String pairing = boss.document("mutation($i: ProposeMentorshipInput!) { proposeMentorship(input: $i)"
                        + " { mentorship { id } } }")
                .variable("i", Map.of("mentorId", personOf(tenant.token(subject)), "menteeId", mentee))
                .execute()
                .path("proposeMentorship.mentorship.id")
                .entity(String.class)
                .get();
        mentorSubjects.put(pairing, subject);
        return pairing;
    }

    /** The pairing's mentor declines it. */
    private void decline(String pairing) {
        graphQl(tenant.token(mentorSubjects.get(pairing)))
                .document("mutation($id: ID!) { declineMentorship(input: {id: $id, expectedVersion: 1})"
                        + " { mentorship { status } } }")
                .variable("id", pairing)
                .execute()
                .path("declineMentorship.mentorship.status")
                .entity(String.class)
                .isEqualTo("DECLINED");
    }
}
