package org.trellis.api.observability;

import graphql.execution.ExecutionContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The operation name a request is logged and measured under, bounded in cardinality: only operations that got past
 * validation are named at all ({@code unknown} otherwise), unnamed ones are {@code anonymous}, and once {@code max}
 * distinct names have been seen every new one is {@code other}. Names are client-chosen, so without the cap one
 * client could mint a time series per request.
 */
final class OperationNames {

    static final String UNKNOWN = "unknown";
    static final String ANONYMOUS = "anonymous";
    static final String OTHER = "other";
    /** Where the request's bounded name is kept in its GraphQL context, for metrics recorded after execution. */
    static final String CONTEXT_KEY = OperationNames.class.getName();

    private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,63}");

    private final int max;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    OperationNames(int max) {
        this.max = max;
    }

    /** The bounded name of a validated operation. */
    String of(@Nullable String name) {
        if (name == null || name.isEmpty()) {
            return ANONYMOUS;
        }
        if (!NAME.matcher(name).matches()) {
            return OTHER;
        }
        if (seen.contains(name)) {
            return name;
        }
        synchronized (seen) {
            if (seen.size() < max) {
                seen.add(name);
            }
        }
        return seen.contains(name) ? name : OTHER;
    }

    /** The bounded name of the operation an execution runs, or {@code unknown} before (or without) validation. */
    String of(@Nullable ExecutionContext execution) {
        if (execution == null || execution.getOperationDefinition() == null) {
            return UNKNOWN;
        }
        String known = execution.getGraphQLContext().get(CONTEXT_KEY);
        return known != null ? known : of(execution.getOperationDefinition().getName());
    }

    /**
     * A name the client sent beside the document ({@code operationName}), fit for a log line while the document is not
     * yet validated: the GraphQL name grammar, at most 64 characters; otherwise nothing.
     */
    static @Nullable String requested(@Nullable String name) {
        return name != null && NAME.matcher(name).matches() ? name : null;
    }
}
