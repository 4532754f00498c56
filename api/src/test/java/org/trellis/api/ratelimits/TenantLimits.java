package org.trellis.api.ratelimits;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.trellis.api.support.TestDatabase;

/**
 * Sets a test tenant's own bucket sizes (rows of {@code rate_limit_override}, as operators do) and empties its
 * buckets, as the database administrator: tests of the limits get small buckets without a Spring context of their own.
 * New limits apply once the application's leases taken under the old ones have ended, so it then waits that long.
 */
final class TenantLimits {

    /** {@code trellis.rate-limits.lease-lifetime} in application-test.properties. */
    static final Duration LEASE_LIFETIME = Duration.ofMillis(250);

    private TenantLimits() {}

    static void set(UUID tenant, LimitKind kind, long capacity, long restoreRate) {
        run(
                "INSERT INTO rate_limit_override (tenant_id, kind, capacity, restore_rate) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (tenant_id, kind) DO UPDATE"
                        + " SET capacity = excluded.capacity, restore_rate = excluded.restore_rate",
                tenant,
                kind.tag(),
                capacity,
                restoreRate);
        run("DELETE FROM rate_limit_bucket WHERE tenant_id = ?", tenant);
        try {
            Thread.sleep(LEASE_LIFETIME.plusMillis(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void run(String sql, Object... parameters) {
        try (Connection connection = TestDatabase.INSTANCE.connectAsAdministrator();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
