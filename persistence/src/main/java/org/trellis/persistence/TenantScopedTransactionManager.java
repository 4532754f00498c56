package org.trellis.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;

/**
 * Starts every transaction by setting its tenant, platform flag and statement timeout with transaction-local
 * {@code set_config(..., true)}: the settings vanish at commit or rollback, so a pooled connection never carries
 * them to its next borrower. Without a scope, the settings are empty and every tenant policy matches no row.
 *
 * <p>A transaction whose begin meets a broken pooled connection (the database restarted or the network cut it) is
 * begun once more on another connection, read-only or not: nothing but the scope statement was sent on the broken
 * one, so nothing can have been written. Before that, {@code brokenConnection} runs (the application evicts the
 * whole pool: its other connections most likely broke with it).
 */
public class TenantScopedTransactionManager extends JdbcTransactionManager {

    private static final String SET_SCOPE = "select set_config('trellis.tenant_id', ?, true),"
            + " set_config('trellis.platform_operator', ?, true), set_config('statement_timeout', ?, true)";

    private static final Logger LOG = LoggerFactory.getLogger(TenantScopedTransactionManager.class);

    private final DatabaseScopeProvider scopes;
    private final String statementTimeoutMillis;
    private final Runnable brokenConnection;

    public TenantScopedTransactionManager(
            DataSource dataSource, DatabaseScopeProvider scopes, Duration statementTimeout) {
        this(dataSource, scopes, statementTimeout, () -> {});
    }

    public TenantScopedTransactionManager(
            DataSource dataSource, DatabaseScopeProvider scopes, Duration statementTimeout, Runnable brokenConnection) {
        super(dataSource);
        this.scopes = Objects.requireNonNull(scopes);
        this.statementTimeoutMillis = Long.toString(statementTimeout.toMillis());
        this.brokenConnection = Objects.requireNonNull(brokenConnection);
    }

    /**
     * Tells the pool that a connection was found broken (the database restarted or failed over): what was configured
     * for it runs (the application evicts the pool, so later borrowers get fresh connections). For work outside
     * transactions that retries on a fresh connection, as {@link #doBegin} does.
     */
    public void connectionBroke() {
        brokenConnection.run();
    }

    /**
     * Runs {@code work}, which begins and ends its own transactions, and runs it once more when it fails on a broken
     * connection (recorded first, as {@link #connectionBroke} does). Only for work that is safe to repeat: reads, and
     * writes that converge on what they are given, such as signing a caller in; never a request's writes.
     */
    public <T> T onceMoreIfBroken(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isBrokenConnection(e)) {
                throw e;
            }
            LOG.warn("A database connection broke under work that is safe to repeat; running it once more");
            brokenConnection.run();
            return work.get();
        }
    }

    /** Begins the thread's {@link SharedTransaction} first when one is on offer, so that this call joins it. */
    @Override
    protected Object doGetTransaction() {
        SharedTransaction.beginIfOffered(this);
        return super.doGetTransaction();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        try {
            super.doBegin(transaction, definition);
        } catch (CannotCreateTransactionException e) {
            if (!DatabaseFailures.isBrokenConnection(e)) {
                throw e;
            }
            LOG.warn("A pooled database connection was broken when a transaction began; beginning it once more");
            brokenConnection.run();
            super.doBegin(transaction, definition);
        }
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        DatabaseScope scope = scopes.currentScope();
        try (PreparedStatement statement = connection.prepareStatement(SET_SCOPE)) {
            statement.setString(
                    1, scope.tenantId() == null ? "" : scope.tenantId().toString());
            statement.setString(2, scope.platformOperator() ? "on" : "");
            statement.setString(3, statementTimeoutMillis);
            statement.execute();
        }
    }
}
