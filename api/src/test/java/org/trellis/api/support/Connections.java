package org.trellis.api.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Reads Relay connections in paging tests: one page of a list field for some of {@code first}, {@code after},
 * {@code last} and {@code before}, its node ids (as {@code node { id }}), cursors and page info, and whole walks.
 */
public final class Connections {

    private Connections() {}

    /** One page of {@code field}: a document taking {@code $first, $after, $last, $before}. */
    public static Map<String, Object> page(
            GraphQlTester tester, String document, String field, Map<String, Object> arguments) {
        GraphQlTester.Request<?> request = tester.document(document);
        for (var argument : arguments.entrySet()) {
            request = request.variable(argument.getKey(), argument.getValue());
        }
        return request.execute()
                .path(field)
                .entity(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
    }

    /** The page's node ids, in order. */
    @SuppressWarnings("unchecked")
    public static List<String> ids(Map<String, Object> page) {
        return edges(page).stream()
                .map(edge -> (String) ((Map<String, Object>) edge.get("node")).get("id"))
                .toList();
    }

    public static List<String> cursors(Map<String, Object> page) {
        return edges(page).stream().map(edge -> (String) edge.get("cursor")).toList();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> info(Map<String, Object> page) {
        return (Map<String, Object>) page.get("pageInfo");
    }

    public static boolean hasNext(Map<String, Object> page) {
        return (Boolean) info(page).get("hasNextPage");
    }

    public static boolean hasPrevious(Map<String, Object> page) {
        return (Boolean) info(page).get("hasPreviousPage");
    }

    /**
     * The ids of a whole walk, forward from the start with {@code first: size} (in list order) or backward from the
     * end with {@code last: size} (also in list order), running {@code between} before every further page.
     */
    public static List<String> walk(
            GraphQlTester tester, String document, String field, int size, boolean forward, Runnable between) {
        List<String> seen = new ArrayList<>();
        String count = forward ? "first" : "last";
        Map<String, Object> page = page(tester, document, field, Map.of(count, size));
        for (int requests = 1; ; requests++) {
            if (forward) {
                seen.addAll(ids(page));
            } else {
                seen.addAll(0, ids(page));
            }
            if (!(forward ? hasNext(page) : hasPrevious(page))) {
                return seen;
            }
            if (requests > 100) {
                throw new AssertionError("The walk does not end: " + seen);
            }
            between.run();
            String cursor = forward
                    ? (String) info(page).get("endCursor")
                    : (String) info(page).get("startCursor");
            page = page(tester, document, field, Map.of(count, size, forward ? "after" : "before", cursor));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> edges(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("edges");
    }
}
