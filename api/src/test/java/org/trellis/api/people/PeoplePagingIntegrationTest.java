package org.trellis.api.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trellis.api.support.Connections.cursors;
import static org.trellis.api.support.Connections.hasNext;
import static org.trellis.api.support.Connections.hasPrevious;
import static org.trellis.api.support.Connections.ids;
import static org.trellis.api.support.Connections.info;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.trellis.api.support.Connections;
import org.trellis.api.support.IntegrationTest;
import org.trellis.graphql.GlobalId;

/**
 * The people list, by name then id, pages by keyset: people of the same name keep one order across pages, and
 * people added, renamed into place or deactivated between pages are neither skipped nor repeated.
 */
class PeoplePagingIntegrationTest extends IntegrationTest {

    private static final String PAGE = "query($first: Int, $after: String, $last: Int, $before: String) {"
            + " people(first: $first, after: $after, last: $last, before: $before,"
            + " filter: {search: \"pager\", status: ACTIVE}) { edges { cursor node { id } }"
            + " pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }";

    /** Three people whose names are one name to {@code lower()}: only the id orders them. */
    private static final List<String> NAMES = List.of(
            "Pager Ann",
            "pager ann",
            "PAGER ANN",
            "Pager Bea",
            "Pager Cid",
            "Pager Dee",
            "Pager Eve",
            "Pager Fay",
            "Pager Gus",
            "Pager Hal");

    private TestTenant tenant;
    private GraphQlTester admin;
    private List<String> initial;
    private int created;

    @BeforeEach
    void tenPeople() {
        tenant = newTenant("people-paging");
        admin = graphQl(tenant.admin());
        NAMES.forEach(this::createPerson);
        initial = ids(page(Map.of("first", 100)));
        assertThat(initial).hasSize(NAMES.size());
    }

    @Test
    void peopleOfTheSameNameAreOrderedByIdAndPagedOneByOneInBothDirections() {
        List<String> sameName = initial.subList(0, 3);
        assertThat(sameName)
                .as("by id, as PostgreSQL orders uuids")
                .isSortedAccordingTo((a, b) -> uuid(a).compareTo(uuid(b)));
        assertThat(Connections.walk(admin, PAGE, "people", 1, true, () -> {})).isEqualTo(initial);
        assertThat(Connections.walk(admin, PAGE, "people", 1, false, () -> {})).isEqualTo(initial);
        List<String> cursors = cursors(page(Map.of("first", 100)));
        assertThat(ids(page(Map.of("first", 1, "after", cursors.get(0))))).containsExactly(initial.get(1));
        assertThat(ids(page(Map.of("first", 1, "after", cursors.get(1))))).containsExactly(initial.get(2));
        assertThat(ids(page(Map.of("last", 1, "before", cursors.get(2))))).containsExactly(initial.get(1));
    }

    @Test
    void walkingForwardWithPeopleAddedOnBothSidesOfTheCursorNeitherSkipsNorRepeats() {
        for (int size : new int[] {1, 2, 3, 4}) {
            List<String> afterTheCursor = new ArrayList<>();
            List<String> seen = Connections.walk(admin, PAGE, "people", size, true, () -> {
                createPerson(first()); // sorts before every cursor: never reached
                if (afterTheCursor.isEmpty()) {
                    afterTheCursor.add(createPerson(last())); // at the end: reached
                }
            });
            List<String> expected = new ArrayList<>(initial);
            expected.addAll(afterTheCursor);
            assertThat(seen).as("page size " + size).isEqualTo(expected);
            initial = ids(page(Map.of("first", 100)));
        }
    }

    @Test
    void walkingBackwardFromTheEndWithPeopleAddedOnBothSidesNeitherSkipsNorRepeats() {
        for (int size : new int[] {1, 2, 3, 4}) {
            List<String> beforeTheCursor = new ArrayList<>();
            List<String> seen = Connections.walk(admin, PAGE, "people", size, false, () -> {
                createPerson(last()); // sorts after every cursor: never reached
                if (beforeTheCursor.isEmpty()) {
                    beforeTheCursor.add(createPerson(first())); // at the start: reached
                }
            });
            List<String> expected = new ArrayList<>(beforeTheCursor);
            expected.addAll(initial);
            assertThat(seen).as("page size " + size).isEqualTo(expected);
            initial = ids(page(Map.of("first", 100)));
        }
    }

    @Test
    void deactivatingTheCursorsPersonAndOthersBetweenPagesSkipsOnlyThem() {
        Map<String, Object> first = page(Map.of("first", 3));
        deactivate(initial.get(2)); // the cursor's own person
        deactivate(initial.get(4)); // one of the next page
        Map<String, Object> second =
                page(Map.of("first", 3, "after", info(first).get("endCursor")));
        assertThat(ids(second)).containsExactly(initial.get(3), initial.get(5), initial.get(6));

        Map<String, Object> last = page(Map.of("last", 3));
        deactivate(initial.get(7)); // the start cursor's own person
        Map<String, Object> before = page(Map.of("last", 3, "before", info(last).get("startCursor")));
        assertThat(ids(before)).containsExactly(initial.get(3), initial.get(5), initial.get(6));
    }

    @Test
    void theEdgesOfTheListAnswerTheRightPages() {
        List<String> cursors = cursors(page(Map.of("first", 100)));

        Map<String, Object> end = page(Map.of("last", 3));
        assertThat(ids(end)).as("last without before: the end").isEqualTo(initial.subList(7, 10));
        assertThat(hasPrevious(end)).isTrue();
        assertThat(hasNext(end)).isFalse();

        Map<String, Object> nearStart = page(Map.of("last", 4, "before", cursors.get(1)));
        assertThat(ids(nearStart)).as("last 4 before the 2nd: only the 1st").containsExactly(initial.getFirst());
        assertThat(hasPrevious(nearStart)).isFalse();
        assertThat(ids(page(Map.of("last", 4, "before", cursors.getFirst())))).isEmpty();
        assertThat(ids(page(Map.of("before", cursors.get(5))))).isEqualTo(initial.subList(0, 5));

        Map<String, Object> past = page(Map.of("first", 4, "after", cursors.getLast()));
        assertThat(ids(past)).isEmpty();
        assertThat(hasNext(past)).isFalse();
        assertThat(ids(page(Map.of("after", cursors.get(7))))).isEqualTo(initial.subList(8, 10));
        assertThat(ids(page(Map.of("first", 0)))).isEmpty();
        assertThat(hasNext(page(Map.of("first", 10)))).isFalse();
        assertThat(hasNext(page(Map.of("first", 9)))).isTrue();
        assertThat(ids(page(Map.of("last", 10)))).isEqualTo(initial);
        assertThat(hasPrevious(page(Map.of("last", 10)))).isFalse();
        assertThat(ids(page(Map.of("first", 2, "before", cursors.get(5)))))
                .as("first wins over before")
                .isEqualTo(initial.subList(0, 2));
    }

    @Test
    void aCursorOfAnotherListIsABadRequest() {
        String auditCursor = (String) info(Connections.page(
                        admin,
                        "{ auditEvents(first: 1) { edges { cursor node { id } }"
                                + " pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }",
                        "auditEvents",
                        Map.of()))
                .get("endCursor");
        admin.document(PAGE)
                .variable("first", 2)
                .variable("after", auditCursor)
                .execute()
                .errors()
                .expect(error -> "BAD_REQUEST".equals(error.getExtensions().get("classification")))
                .verify()
                .path("people")
                .pathDoesNotExist();
    }

    private Map<String, Object> page(Map<String, Object> arguments) {
        return Connections.page(admin, PAGE, "people", arguments);
    }

    /** A name that sorts before every name so far. */
    private String first() {
        return "Pager Aaa %03d".formatted(999 - created);
    }

    /** A name that sorts after every name so far. */
    private String last() {
        return "Pager Zzz %03d".formatted(created);
    }

    private String createPerson(String name) {
        created++;
        return admin.document("mutation($n: String!) { createPerson(input: {displayName: $n}) { person { id } } }")
                .variable("n", name)
                .execute()
                .path("createPerson.person.id")
                .entity(String.class)
                .get();
    }

    private void deactivate(String person) {
        admin.document("mutation($id: ID!) { deactivatePerson(input: {id: $id}) { person { status } } }")
                .variable("id", person)
                .execute()
                .path("deactivatePerson.person.status")
                .entity(String.class)
                .isEqualTo("DEACTIVATED");
    }

    private static String uuid(String id) {
        return GlobalId.decode(id, "Person").orElseThrow().toString();
    }
}
