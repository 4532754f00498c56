package org.trellis.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.trellis.api.support.IntegrationTest;

/**
 * Keyset cursors over a newest-first list: walking forward or backward never skips or repeats an item, whatever is
 * inserted between pages, and every first/last/after/before combination at the edges answers the right page.
 */
class AuditPagingIntegrationTest extends IntegrationTest {

    private static final String PAGE = "query($first: Int, $after: String, $last: Int, $before: String) {"
            + " auditEvents(first: $first, after: $after, last: $last, before: $before,"
            + " filter: {action: \"person.created\"}) { totalCount edges { cursor node { targetId } }"
            + " pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }";

    private TestTenant tenant;
    private List<String> initial;
    private int created;

    @BeforeEach
    void twelvePeopleCreated() {
        tenant = newTenant("paging");
        for (int i = 0; i < 12; i++) {
            createPerson();
        }
        initial = targets(page(Map.of("first", 100)));
        assertThat(initial).hasSize(12);
    }

    @Test
    void walkingForwardWithInsertsBetweenPagesNeitherSkipsNorRepeats() {
        for (int size : new int[] {1, 2, 5, 7}) {
            List<String> seen = new ArrayList<>();
            Map<String, Object> page = page(Map.of("first", size));
            while (true) {
                seen.addAll(targets(page));
                createPerson(); // newest first: lands before the cursor
                if (!(Boolean) info(page).get("hasNextPage")) {
                    break;
                }
                page = page(Map.of("first", size, "after", info(page).get("endCursor")));
            }
            assertThat(seen).as("page size " + size).containsExactlyElementsOf(initial);
            initial = targets(page(Map.of("first", 100)));
        }
    }

    @Test
    void walkingBackwardFromTheEndWithInsertsReachesEveryItemOnce() {
        Random random = new Random(20261128);
        for (int walk = 0; walk < 4; walk++) {
            int size = 1 + random.nextInt(5);
            List<String> seen = new ArrayList<>();
            List<String> inserted = new ArrayList<>();
            Map<String, Object> page = page(Map.of("last", size));
            while (true) {
                seen.addAll(0, targets(page));
                if (inserted.size() < 3) {
                    inserted.add(createPerson()); // lands at the head, where the backward walk is going
                }
                if (!(Boolean) info(page).get("hasPreviousPage")) {
                    break;
                }
                page = page(Map.of("last", size, "before", info(page).get("startCursor")));
            }
            assertThat(seen).as("walk " + walk + ", page size " + size).doesNotHaveDuplicates();
            assertThat(seen.subList(seen.size() - initial.size(), seen.size()))
                    .as("every item there at the start, in order")
                    .isEqualTo(initial);
            assertThat(seen.subList(0, seen.size() - initial.size()))
                    .as("and every item inserted before the walk reached the head, newest first")
                    .isSubsetOf(inserted)
                    .isEqualTo(inserted.subList(0, seen.size() - initial.size()).reversed());
            initial = targets(page(Map.of("first", 100)));
        }
    }

    @Test
    void theEdgesOfTheListAnswerTheRightPages() {
        Map<String, Object> all = page(Map.of("first", 100));
        List<String> cursors = cursors(all);

        // last without before: the end of the list, in list order.
        Map<String, Object> end = page(Map.of("last", 3));
        assertThat(targets(end)).isEqualTo(initial.subList(9, 12));
        assertThat(info(end)).containsEntry("hasPreviousPage", true).containsEntry("hasNextPage", false);

        // last N before a cursor within N of the start: what is before it, no error.
        Map<String, Object> nearStart = page(Map.of("last", 5, "before", cursors.get(1)));
        assertThat(targets(nearStart)).isEqualTo(initial.subList(0, 1));
        assertThat(info(nearStart)).containsEntry("hasPreviousPage", false);
        assertThat(targets(page(Map.of("last", 5, "before", cursors.getFirst()))))
                .isEmpty();

        // first after the last item: empty, no next page.
        Map<String, Object> past = page(Map.of("first", 5, "after", cursors.getLast()));
        assertThat(targets(past)).isEmpty();
        assertThat(info(past)).containsEntry("hasNextPage", false);

        // first after a cursor: the items right after it; first 0 is empty.
        assertThat(targets(page(Map.of("first", 2, "after", cursors.get(3))))).isEqualTo(initial.subList(4, 6));
        assertThat(targets(page(Map.of("first", 0)))).isEmpty();
        assertThat(targets(page(Map.of("first", 12)))).isEqualTo(initial);
        assertThat(info(page(Map.of("first", 12)))).containsEntry("hasNextPage", false);
        assertThat(info(page(Map.of("first", 11)))).containsEntry("hasNextPage", true);
        assertThat(targets(page(Map.of("last", 12)))).isEqualTo(initial);
        assertThat(page(Map.of("first", 1)).get("totalCount"))
                .as("the whole filtered list, whatever the page")
                .isEqualTo(12);
        assertThat(info(page(Map.of("last", 12)))).containsEntry("hasPreviousPage", false);
    }

    @Test
    void aCursorThatIsNotOneOfOursIsABadRequest() {
        for (String cursor : List.of("garbage", "T18xMA==", "S197fQ==", "S197ImF0IjoxfQ==")) {
            graphQl(tenant.admin())
                    .document(PAGE)
                    .variable("first", 2)
                    .variable("after", cursor)
                    .execute()
                    .errors()
                    .expect(error -> "BAD_REQUEST".equals(error.getExtensions().get("classification")))
                    .verify()
                    .path("auditEvents")
                    .pathDoesNotExist();
        }
    }

    private String createPerson() {
        return graphQl(tenant.admin())
                .document("mutation($n: String!) { createPerson(input: {displayName: $n}) { person { id } } }")
                .variable("n", "Person " + created++)
                .execute()
                .path("createPerson.person.id")
                .entity(String.class)
                .get();
    }

    private Map<String, Object> page(Map<String, Object> arguments) {
        var request = graphQl(tenant.admin()).document(PAGE);
        for (var argument : arguments.entrySet()) {
            request = request.variable(argument.getKey(), argument.getValue());
        }
        return request.execute()
                .path("auditEvents")
                .entity(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> info(Map<String, Object> page) {
        return new HashMap<>((Map<String, Object>) page.get("pageInfo"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> edges(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("edges");
    }

    @SuppressWarnings("unchecked")
    private static List<String> targets(Map<String, Object> page) {
        return edges(page).stream()
                .map(edge -> (String) ((Map<String, Object>) edge.get("node")).get("targetId"))
                .toList();
    }

    private static List<String> cursors(Map<String, Object> page) {
        return edges(page).stream().map(edge -> (String) edge.get("cursor")).toList();
    }
}
