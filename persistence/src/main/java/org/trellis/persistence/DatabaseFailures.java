package org.trellis.persistence;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Tells apart the database failures that are about reaching PostgreSQL, not about the request: a broken connection
 * (the server restarted, a network cut), no connection to be had in time, and a statement PostgreSQL cancelled
 * because it ran past {@code statement_timeout}. Reads the whole cause chain, so Spring's and jOOQ's wrappers do
 * not hide the driver's SQLSTATE.
 */
public final class DatabaseFailures {

    /** Admin shutdown, crash shutdown, cannot connect now: what PostgreSQL sends while it stops or starts. */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    private static final String QUERY_CANCELED = "57014";

    private DatabaseFailures() {}

    /**
     * A connection that broke or was closed under the caller: SQLSTATE class 08 (connection exception), the server
     * shutting down or starting ({@code 57P01}-{@code 57P03}), or a pooled connection HikariCP has already closed
     * because it broke. Nothing more can be sent on it; a new connection may work.
     */
    public static boolean isBrokenConnection(@Nullable Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return false; // no connection at all within the pool's timeout (its cause: the last refusal)
            }
            if (cause instanceof SQLException sql && isBroken(sql)) {
                return true;
            }
        }
        return false;
    }

    /** The database cannot be reached: a broken connection, or none to be had within the pool's timeout. */
    public static boolean isUnavailable(@Nullable Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLException sql && isBroken(sql)) {
                return true;
            }
        }
        return false;
    }

    /** PostgreSQL cancelled the statement ({@code 57014}): it ran past the statement timeout, or waited on a lock. */
    public static boolean isTimeout(@Nullable Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBroken(SQLException failure) {
        String state = failure.getSQLState();
        if (state != null) {
            return state.startsWith("08") || SERVER_GOING_AWAY.contains(state);
        }
        // HikariCP's stand-in for a connection it closed after it broke carries no SQLSTATE.
        return failure.getMessage() != null && failure.getMessage().startsWith("Connection is closed");
    }
}
