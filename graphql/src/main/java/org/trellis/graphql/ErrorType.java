package org.trellis.graphql;

import graphql.ErrorClassification;

/** The classification every Trellis GraphQL error carries in {@code extensions.classification}. */
public enum ErrorType implements ErrorClassification {
    /** No valid credentials. */
    UNAUTHENTICATED,
    /** Authenticated, but the caller's role or scopes do not allow the operation. */
    FORBIDDEN,
    /** The object does not exist or the caller may not know that it does. */
    NOT_FOUND,
    /** The request is malformed, invalid against the schema, or over a limit. */
    BAD_REQUEST,
    /** The request conflicts with the current state (e.g. a stale version or a taken key). */
    CONFLICT,
    /** The database could not be reached (it restarted, or no connection was free in time); retry later. */
    UNAVAILABLE,
    /** The database cancelled the work because it ran past the statement timeout (a slow query, a long lock wait). */
    TIMEOUT,
    /** The caller spent its rate-limit budget; {@code extensions.retryAfter} (and the Retry-After header) say when to retry. */
    RATE_LIMITED,
    /** Something failed on our side; the correlation id finds it in the logs. */
    INTERNAL
}
