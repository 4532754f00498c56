package org.trellis.api.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.trellis.api.shared.CallerScope;
import org.trellis.api.support.IntegrationTest;
import org.trellis.api.support.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * {@code rate_limit_take} and the buckets' rows as the database sees them: the function leaves the caller's
 * transaction scoped as it found it, a clock that went backwards raises no level, a bucket locked for too long admits
 * the request uncounted instead of hanging it, a charge that waited for a lock never moves a bucket's clock back,
 * and housekeeping deletes idle empty buckets but keeps the rest.
 */
class RateLimitTakeIntegrationTest extends IntegrationTest {

    private static final String TAKE = "SELECT allowed, level FROM rate_limit_take(?::uuid, ARRAY['scim'],"
            + " ARRAY[?], ARRAY[100::float8], ARRAY[1::float8], ARRAY[0::float8], 1, 0)";

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private IdleBucketPurge purge;

    @Autowired
    private TransactionTemplate transactions;

    @Test
    void aChargeInsideAnOpenTransactionLeavesItWithoutATenantScope() throws SQLException {
        UUID tenant = newTenant("take-scope").uuid();
        try (Connection app = runtime()) {
            app.setAutoCommit(false);
            take(app, tenant, "scope:" + UUID.randomUUID());
            try (ResultSet row = app.createStatement().executeQuery("SELECT trellis_current_tenant()")) {
                row.next();
                assertThat(row.getObject(1)).isNull();
            }
            app.rollback();
        }
    }

    @Test
    void aClockThatWentBackwardsRaisesNoLevel() throws SQLException {
        UUID tenant = newTenant("take-clock").uuid();
        String bucket = "clock:" + UUID.randomUUID();
        admin("INSERT INTO rate_limit_bucket (tenant_id, bucket, level, updated_at)" + " VALUES ('" + tenant + "', '"
                + bucket + "', 5, now() + interval '1 hour')");
        try (Connection app = runtime()) {
            double[] taken = take(app, tenant, bucket);
            assertThat(taken[0]).as("allowed").isEqualTo(1);
            assertThat(taken[1]).as("level").isEqualTo(6);
        }
    }

    @Test
    void aChargeThatWaitedForALockNeverMovesTheBucketsClockBack() throws Exception {
        UUID tenant = newTenant("take-waited").uuid();
        String bucket = "waited:" + UUID.randomUUID();
        admin("INSERT INTO rate_limit_bucket (tenant_id, bucket, level, updated_at) VALUES ('" + tenant + "', '"
                + bucket + "', 50, clock_timestamp())");
        try (Connection holder = TestDatabase.INSTANCE.connectAsAdministrator();
                Connection app = runtime()) {
            holder.setAutoCommit(false);
            holder.createStatement()
                    .executeQuery("SELECT 1 FROM rate_limit_bucket WHERE bucket = '" + bucket + "' FOR UPDATE")
                    .close();
            int waiting;
            try (ResultSet row = app.createStatement().executeQuery("SELECT pg_backend_pid()")) {
                row.next();
                waiting = row.getInt(1);
            }
            FutureTask<double[]> waiter = new FutureTask<>(() -> take(app, tenant, bucket));
            Thread.ofPlatform().name("waiting-charge").start(waiter);
            awaitAChargeWaitingForALock(holder, waiting);
            // The holder charges later than the waiter began: the waiter must leak from this time on, not before.
            Timestamp held;
            try (ResultSet row = holder.createStatement()
                    .executeQuery("UPDATE rate_limit_bucket SET updated_at = clock_timestamp() WHERE bucket = '"
                            + bucket + "' RETURNING updated_at")) {
                row.next();
                held = row.getTimestamp(1);
            }
            holder.commit();
            assertThat(waiter.get(5, TimeUnit.SECONDS)[0]).as("allowed").isEqualTo(1);
            try (ResultSet row = holder.createStatement()
                    .executeQuery("SELECT updated_at FROM rate_limit_bucket WHERE bucket = '" + bucket + "'")) {
                row.next();
                assertThat(row.getTimestamp(1)).isAfterOrEqualTo(held);
            }
        }
    }

    /**
     * Returns as soon as the backend {@code waiter} waits on a lock (its charge), so the holder commits well within
     * the function's 500 ms; the waiter's thread may take a while to start.
     */
    private static void awaitAChargeWaitingForALock(Connection admin, int waiter) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (PreparedStatement blocked = admin.prepareStatement("SELECT cardinality(pg_blocking_pids(?)) > 0")) {
            blocked.setInt(1, waiter);
            while (System.nanoTime() < deadline) {
                try (ResultSet row = blocked.executeQuery()) {
                    row.next();
                    if (row.getBoolean(1)) {
                        return;
                    }
                }
                Thread.sleep(1);
            }
        }
        throw new AssertionError("the charge never waited for the bucket's lock");
    }

    @Test
    void aBucketLockedByAnotherRequestForTooLongAdmitsTheRequestUncountedAndCountsIt() throws SQLException {
        TestTenant tenant = newTenant("take-contended");
        // A budget too small to lease from (1 % of it is less than a request's minimum cost): every request is
        // charged in the database, so the second one meets the lock.
        TenantLimits.set(tenant.uuid(), LimitKind.GRAPHQL_ACTOR, 500, 500);
        String engineer = tenant.engineer();
        assertThat(postQuery(engineer, "{ me { kind } }")
                        .expectBody(JsonNode.class)
                        .returnResult()
                        .getStatus())
                .isEqualTo(HttpStatus.OK);
        double contended = meters.counter("trellis.ratelimit.contended").count();
        try (Connection holder = TestDatabase.INSTANCE.connectAsAdministrator()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock =
                    holder.prepareStatement("SELECT 1 FROM rate_limit_bucket WHERE tenant_id = ? FOR UPDATE")) {
                lock.setObject(1, tenant.uuid());
                lock.executeQuery().close();
            }
            JsonNode answer = postQuery(engineer, "{ me { kind } }")
                    .expectStatus()
                    .isOk()
                    .expectBody(JsonNode.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(answer.path("data").path("me").path("kind").asString()).isEqualTo("PERSON");
            assertThat(answer.path("extensions").path("cost").has("throttleStatus"))
                    .isFalse();
            holder.rollback();
        }
        assertThat(meters.counter("trellis.ratelimit.contended").count()).isEqualTo(contended + 1);
    }

    @Test
    void housekeepingDeletesIdleEmptyBucketsAndKeepsBusyOnes() throws SQLException {
        UUID tenant = newTenant("bucket-purge").uuid();
        admin("INSERT INTO rate_limit_bucket (tenant_id, bucket, level, updated_at) VALUES"
                + " ('" + tenant + "', 'idle-empty', 5, now() - interval '2 hours'),"
                + " ('" + tenant + "', 'recent', 0, now() - interval '10 minutes'),"
                + " ('" + tenant + "', 'idle-full', 1e9, now() - interval '2 hours')");

        Integer deleted =
                CallerScope.inTenant(tenant, () -> transactions.execute(status -> purge.purge(Instant.now(), 100)));

        assertThat(deleted).isEqualTo(1);
        try (Connection admin = TestDatabase.INSTANCE.connectAsAdministrator();
                PreparedStatement left = admin.prepareStatement(
                        "SELECT string_agg(bucket, ',' ORDER BY bucket) FROM rate_limit_bucket WHERE tenant_id = ?")) {
            left.setObject(1, tenant);
            try (ResultSet row = left.executeQuery()) {
                row.next();
                assertThat(row.getString(1)).isEqualTo("idle-full,recent");
            }
        }
    }

    private static Connection runtime() throws SQLException {
        return DriverManager.getConnection(
                TestDatabase.INSTANCE.url(), TestDatabase.RUNTIME.name(), TestDatabase.RUNTIME.password());
    }

    /** Charges 1 to a SCIM-sized bucket of 100 restoring 1 per second: {allowed (1 or 0), level}. */
    private static double[] take(Connection app, UUID tenant, String bucket) throws SQLException {
        try (PreparedStatement take = app.prepareStatement(TAKE)) {
            take.setString(1, tenant.toString());
            take.setString(2, bucket);
            try (ResultSet row = take.executeQuery()) {
                row.next();
                return new double[] {row.getBoolean(1) ? 1 : 0, row.getDouble(2)};
            }
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection admin = TestDatabase.INSTANCE.connectAsAdministrator()) {
            admin.createStatement().execute(sql);
        }
    }
}
