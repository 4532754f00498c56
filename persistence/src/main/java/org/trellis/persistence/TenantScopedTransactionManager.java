package org.trellis.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Starts every transaction by setting its tenant, platform flag and statement timeout with transaction-local
 * {@code set_config(..., true)}: the settings vanish at commit or rollback, so a pooled connection never carries
 * them to its next borrower. Without a scope, the settings are empty and every tenant policy matches no row.
 */
public class TenantScopedTransactionManager extends JdbcTransactionManager {

    private static final String SET_SCOPE = "select set_config('trellis.tenant_id', ?, true),"
            + " set_config('trellis.platform_operator', ?, true), set_config('statement_timeout', ?, true)";

    private final DatabaseScopeProvider scopes;
    private final String statementTimeoutMillis;

    public TenantScopedTransactionManager(
            DataSource dataSource, DatabaseScopeProvider scopes, Duration statementTimeout) {
        super(dataSource);
        this.scopes = Objects.requireNonNull(scopes);
        this.statementTimeoutMillis = Long.toString(statementTimeout.toMillis());
    }

    /** Begins the thread's {@link SharedTransaction} first when one is on offer, so that this call joins it. */
    @Override
    protected Object doGetTransaction() {
        SharedTransaction.beginIfOffered(this);
        return super.doGetTransaction();
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
