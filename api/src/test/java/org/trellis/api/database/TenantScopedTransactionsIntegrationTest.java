package org.trellis.api.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.trellis.api.support.TestDatabase;
import org.trellis.persistence.DatabaseScope;
import org.trellis.persistence.TenantScopedTransactionManager;

/**
 * The tenant of one transaction never reaches the next borrower of the same pooled connection, however the first
 * transaction ended. Uses a one-connection pool so "the next borrower" is certainly the same connection.
 */
class TenantScopedTransactionsIntegrationTest {

    private final AtomicReference<DatabaseScope> scope = new AtomicReference<>(DatabaseScope.NONE);
    private HikariDataSource pool;
    private JdbcTemplate jdbc;
    private TransactionTemplate transactions;

    @BeforeEach
    void singleConnectionPool() {
        pool = new HikariDataSource();
        pool.setJdbcUrl(TestDatabase.INSTANCE.url());
        pool.setUsername(TestDatabase.RUNTIME.name());
        pool.setPassword(TestDatabase.RUNTIME.password());
        pool.setMaximumPoolSize(1);
        jdbc = new JdbcTemplate(pool);
        transactions =
                new TransactionTemplate(new TenantScopedTransactionManager(pool, scope::get, Duration.ofMillis(1500)));
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void setsTheTenantForTheTransactionOnly() {
        UUID tenant = UUID.randomUUID();
        scope.set(DatabaseScope.tenant(tenant));
        String inside = transactions.execute(status -> setting("trellis.tenant_id"));
        assertThat(inside).isEqualTo(tenant.toString());
        scope.set(DatabaseScope.NONE);
        String next = transactions.execute(status -> setting("trellis.tenant_id"));
        assertThat(next).isEmpty();
        assertThat(setting("trellis.tenant_id")).as("outside any transaction").isEmpty();
    }

    @Test
    void neverLeaksToTheNextBorrowerAfterCommit() {
        Integer firstBackend = inTenant(status -> backend());
        scope.set(DatabaseScope.NONE);
        assertThat(transactions.<Object>execute(status -> backend())).isEqualTo(firstBackend);
        assertThat(transactions.<Object>execute(status -> setting("trellis.tenant_id")))
                .isEqualTo("");
    }

    @Test
    void neverLeaksAfterRollback() {
        inTenant(status -> {
            status.setRollbackOnly();
            return null;
        });
        scope.set(DatabaseScope.NONE);
        assertThat(transactions.<Object>execute(status -> setting("trellis.tenant_id")))
                .isEqualTo("");
    }

    @Test
    void neverLeaksAfterAFailedTransaction() {
        assertThatThrownBy(() -> inTenant(status -> jdbc.queryForObject("select 1/0", Integer.class)))
                .isInstanceOf(DataAccessException.class);
        scope.set(DatabaseScope.NONE);
        assertThat(transactions.<Object>execute(status -> setting("trellis.tenant_id")))
                .isEqualTo("");
        assertThat(setting("trellis.platform_operator")).isEmpty();
    }

    @Test
    void platformFlagIsTransactionLocalToo() {
        scope.set(DatabaseScope.PLATFORM);
        assertThat(transactions.<Object>execute(status -> setting("trellis.platform_operator")))
                .isEqualTo("on");
        scope.set(DatabaseScope.NONE);
        assertThat(transactions.<Object>execute(status -> setting("trellis.platform_operator")))
                .isEqualTo("");
    }

    @Test
    void cancelsStatementsThatRunPastTheTimeout() {
        String timeout = transactions.execute(status -> jdbc.queryForObject("show statement_timeout", String.class));
        assertThat(timeout).isEqualTo("1500ms");
        assertThatThrownBy(
                        () -> transactions.execute(status -> jdbc.queryForObject("select pg_sleep(3)", Object.class)))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("statement timeout");
    }

    private <T> T inTenant(org.springframework.transaction.support.TransactionCallback<T> work) {
        scope.set(DatabaseScope.tenant(UUID.randomUUID()));
        return transactions.execute(work);
    }

    private String setting(String name) {
        String value = jdbc.queryForObject("select current_setting(?, true)", String.class, name);
        return value == null ? "" : value;
    }

    private Integer backend() {
        return jdbc.queryForObject("select pg_backend_pid()", Integer.class);
    }
}
