package org.trellis.api.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;
import org.trellis.persistence.DatabaseFailures;

/** Which failures are about reaching the database (and which of those a read may retry), whatever wraps them. */
class DatabaseFailuresUnitTest {

    @Test
    void brokenConnectionsAreConnectionExceptionsServerShutdownsAndHikarisClosedConnection() {
        assertThat(DatabaseFailures.isBrokenConnection(wrapped(new SQLException("I/O error", "08006"))))
                .isTrue();
        assertThat(DatabaseFailures.isBrokenConnection(new SQLException("refused", "08001")))
                .isTrue();
        assertThat(DatabaseFailures.isBrokenConnection(new SQLException("terminating connection", "57P01")))
                .isTrue();
        assertThat(DatabaseFailures.isBrokenConnection(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
        assertThat(DatabaseFailures.isBrokenConnection(wrapped(new SQLException("Connection is closed"))))
                .isTrue();
    }

    @Test
    void otherFailuresAreNotBrokenConnections() {
        assertThat(DatabaseFailures.isBrokenConnection(new SQLException("duplicate key", "23505")))
                .isFalse();
        assertThat(DatabaseFailures.isBrokenConnection(new SQLException("canceling statement", "57014")))
                .isFalse();
        assertThat(DatabaseFailures.isBrokenConnection(new SQLException("no state")))
                .isFalse();
        assertThat(DatabaseFailures.isBrokenConnection(new IllegalStateException("Connection is closed")))
                .isFalse();
        assertThat(DatabaseFailures.isBrokenConnection(null)).isFalse();
    }

    @Test
    void aPoolTimeoutIsUnavailableButNotABrokenConnection() {
        // HikariCP's timeout carries the last refusal as its cause (and its SQLSTATE): still not a broken connection.
        SQLException poolTimeout = new SQLTransientConnectionException(
                "Connection is not available", "08001", new SQLException("Connection refused", "08001"));
        assertThat(DatabaseFailures.isUnavailable(wrapped(poolTimeout))).isTrue();
        assertThat(DatabaseFailures.isBrokenConnection(wrapped(poolTimeout))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("I/O error", "08006")))
                .isTrue();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("syntax", "42601")))
                .isFalse();
    }

    @Test
    void aCancelledStatementIsATimeout() {
        assertThat(DatabaseFailures.isTimeout(wrapped(new SQLException("canceling statement", "57014"))))
                .isTrue();
        assertThat(DatabaseFailures.isTimeout(new SQLException("lock not available", "55P03")))
                .isFalse();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("canceling statement", "57014")))
                .isFalse();
    }

    private static RuntimeException wrapped(SQLException cause) {
        return new CannotCreateTransactionException("Could not open JDBC Connection", cause);
    }
}
