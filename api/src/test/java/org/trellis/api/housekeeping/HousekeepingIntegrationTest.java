package org.trellis.api.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trellis.persistence.jooq.Tables.IDEMPOTENCY_KEY;
import static org.trellis.persistence.jooq.Tables.OUTBOX_EVENT;
import static org.trellis.persistence.jooq.Tables.UNMATCHED_EVENT;
import static org.trellis.persistence.jooq.Tables.WEBHOOK_DELIVERY;
import static org.trellis.persistence.jooq.Tables.WEBHOOK_ENDPOINT;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.trellis.api.support.IntegrationTest;

/**
 * The housekeeping job, called directly: old rows go and fresh ones stay, in every tenant (each purged in its own
 * scope); one run deletes at most max-batches × batch-size rows per purge; and while one run holds the cluster lock
 * (on this instance or another), another call does nothing.
 */
class HousekeepingIntegrationTest extends IntegrationTest {

    private static final Instant NOW = Instant.now();

    @Autowired
    private Housekeeping housekeeping;

    @Autowired
    private TenantPurges purges;

    @Autowired
    private MeterRegistry meters;

    @Test
    void aRunDeletesOldRowsOfEveryTenantAndKeepsFreshOnes() {
        UUID first = newTenant("hk-first").uuid();
        UUID second = newTenant("hk-second").uuid();
        seed(first);
        seed(second);
        double purgedBefore = purged("webhook-deliveries");

        housekeeping.run();

        for (UUID tenant : new UUID[] {first, second}) {
            assertThat(values(tenant, db -> db.fetch(IDEMPOTENCY_KEY).getValues(IDEMPOTENCY_KEY.KEY)))
                    .containsExactly("fresh");
            assertThat(values(tenant, db -> db.fetch(WEBHOOK_DELIVERY).getValues(WEBHOOK_DELIVERY.DELIVERY_REF)))
                    .containsExactly("fresh");
            assertThat(values(tenant, db -> db.fetch(UNMATCHED_EVENT).getValues(UNMATCHED_EVENT.EXTERNAL_ID)))
                    .containsExactlyInAnyOrder("dismissed-lately", "pending-long-ago", "mapped-long-ago");
            assertThat(values(tenant, db -> db.fetch(OUTBOX_EVENT).getValues(OUTBOX_EVENT.TYPE)))
                    .containsExactly("test.fresh");
        }
        assertThat(purged("webhook-deliveries") - purgedBefore).isGreaterThanOrEqualTo(2);
    }

    @Test
    void oneRunDeletesAtMostMaxBatchesTimesBatchSizeRowsPerPurge() {
        UUID tenant = newTenant("hk-cap").uuid();
        inTenant(tenant, db -> {
            for (int i = 0; i < 5; i++) {
                idempotencyKey(db, tenant, "old-" + i, NOW.minus(Duration.ofHours(25)));
            }
            return null;
        });

        assertThat(purges.purge(tenant, NOW, 2, 2)).containsEntry("idempotency-keys", 4);
        assertThat(count(tenant, IDEMPOTENCY_KEY)).isEqualTo(1);
        assertThat(purges.purge(tenant, NOW, 2, 2)).containsEntry("idempotency-keys", 1);
        assertThat(count(tenant, IDEMPOTENCY_KEY)).isZero();
    }

    @Test
    void whileAnotherInstanceHoldsTheLockARunDoesNothing() {
        UUID tenant = newTenant("hk-held").uuid();
        inTenant(tenant, db -> idempotencyKey(db, tenant, "old", NOW.minus(Duration.ofHours(25))));
        housekeeping.run(); // makes sure the lock row exists
        inTenant(tenant, db -> idempotencyKey(db, tenant, "old-again", NOW.minus(Duration.ofHours(25))));
        lockHeldFor(300);
        try {
            housekeeping.run();
            assertThat(count(tenant, IDEMPOTENCY_KEY)).isEqualTo(1);
        } finally {
            lockHeldFor(0);
        }
        housekeeping.run();
        assertThat(count(tenant, IDEMPOTENCY_KEY)).isZero();
    }

    @Test
    void ofTwoConcurrentRunsOnlyOneRuns() throws Exception {
        UUID tenant = newTenant("hk-concurrent").uuid();
        inTenant(tenant, db -> idempotencyKey(db, tenant, "locked", NOW.minus(Duration.ofHours(25))));
        double runsBefore = runs();
        CountDownLatch rowLocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Holds the old key's row, so the first run blocks on it while it holds the cluster lock.
        // Own threads: the common pool may have a single worker on a small machine.
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(
                () -> inTenant(tenant, db -> {
                    db.selectFrom(IDEMPOTENCY_KEY).forUpdate().fetch();
                    rowLocked.countDown();
                    try {
                        return release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }),
                threads);
        assertThat(rowLocked.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            CompletableFuture<Void> firstRun = CompletableFuture.runAsync(housekeeping::run, threads);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!lockIsHeld() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(lockIsHeld()).isTrue();

            housekeeping.run();

            assertThat(firstRun).isNotDone();
            release.countDown();
            firstRun.get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            threads.shutdown();
        }
        assertThat(runs() - runsBefore).isEqualTo(1);
    }

    private void seed(UUID tenant) {
        inTenant(tenant, db -> {
            idempotencyKey(db, tenant, "expired", NOW.minus(Duration.ofHours(25)));
            idempotencyKey(db, tenant, "fresh", NOW.minus(Duration.ofHours(23)));
            UUID endpoint = UUID.randomUUID();
            db.insertInto(WEBHOOK_ENDPOINT)
                    .set(WEBHOOK_ENDPOINT.TENANT_ID, tenant)
                    .set(WEBHOOK_ENDPOINT.ID, endpoint)
                    .set(WEBHOOK_ENDPOINT.PROVIDER, "GITHUB")
                    .set(WEBHOOK_ENDPOINT.NAME, "hk")
                    .set(WEBHOOK_ENDPOINT.SECRET_CIPHERTEXT, "v1.unused")
                    .set(WEBHOOK_ENDPOINT.SECRET_HINT, "whsec_…")
                    .execute();
            delivery(db, tenant, endpoint, "old", NOW.minus(Duration.ofDays(31)));
            delivery(db, tenant, endpoint, "fresh", NOW.minus(Duration.ofDays(29)));
            unmatched(db, tenant, endpoint, "dismissed-long-ago", "DISMISSED", NOW.minus(Duration.ofDays(91)));
            unmatched(db, tenant, endpoint, "dismissed-lately", "DISMISSED", NOW.minus(Duration.ofDays(89)));
            unmatched(db, tenant, endpoint, "pending-long-ago", "PENDING", null);
            unmatched(db, tenant, endpoint, "mapped-long-ago", "MAPPED", NOW.minus(Duration.ofDays(400)));
            outbox(db, tenant, "test.old", NOW.minus(Duration.ofDays(8)));
            outbox(db, tenant, "test.fresh", NOW.minus(Duration.ofDays(6)));
            return null;
        });
    }

    private static int idempotencyKey(DSLContext db, UUID tenant, String key, Instant createdAt) {
        return db.insertInto(IDEMPOTENCY_KEY)
                .set(IDEMPOTENCY_KEY.TENANT_ID, tenant)
                .set(IDEMPOTENCY_KEY.KEY, key)
                .set(IDEMPOTENCY_KEY.OPERATION, "test")
                .set(IDEMPOTENCY_KEY.REQUEST_HASH, "hash")
                .set(IDEMPOTENCY_KEY.CREATED_AT, createdAt)
                .execute();
    }

    private static void delivery(DSLContext db, UUID tenant, UUID endpoint, String ref, Instant receivedAt) {
        db.insertInto(WEBHOOK_DELIVERY)
                .set(WEBHOOK_DELIVERY.TENANT_ID, tenant)
                .set(WEBHOOK_DELIVERY.ENDPOINT_ID, endpoint)
                .set(WEBHOOK_DELIVERY.DELIVERY_REF, ref)
                .set(WEBHOOK_DELIVERY.EVENT, "push")
                .set(WEBHOOK_DELIVERY.OUTCOME, "IGNORED")
                .set(WEBHOOK_DELIVERY.RECEIVED_AT, receivedAt)
                .execute();
    }

    private static void unmatched(
            DSLContext db, UUID tenant, UUID endpoint, String externalId, String status, Instant resolvedAt) {
        db.insertInto(UNMATCHED_EVENT)
                .set(UNMATCHED_EVENT.TENANT_ID, tenant)
                .set(UNMATCHED_EVENT.ID, UUID.randomUUID())
                .set(UNMATCHED_EVENT.ENDPOINT_ID, endpoint)
                .set(UNMATCHED_EVENT.PROVIDER, "GITHUB")
                .set(UNMATCHED_EVENT.ACCOUNT, "octocat")
                .set(UNMATCHED_EVENT.KIND, "CODE_REVIEW")
                .set(UNMATCHED_EVENT.TITLE, externalId)
                .set(UNMATCHED_EVENT.DESCRIPTION, "")
                .set(UNMATCHED_EVENT.OCCURRED_ON, LocalDate.now().minusYears(2))
                .set(UNMATCHED_EVENT.EXTERNAL_ID, externalId)
                .set(UNMATCHED_EVENT.REASON, "UNKNOWN_ACCOUNT")
                .set(UNMATCHED_EVENT.STATUS, status)
                .set(UNMATCHED_EVENT.RESOLVED_AT, resolvedAt)
                .set(UNMATCHED_EVENT.CREATED_AT, NOW.minus(Duration.ofDays(500)))
                .execute();
    }

    private static void outbox(DSLContext db, UUID tenant, String type, Instant occurredAt) {
        db.insertInto(OUTBOX_EVENT)
                .set(OUTBOX_EVENT.TENANT_ID, tenant)
                .set(OUTBOX_EVENT.ID, UUID.randomUUID())
                .set(OUTBOX_EVENT.TYPE, type)
                .set(OUTBOX_EVENT.SUBJECT_ID, UUID.randomUUID())
                .set(OUTBOX_EVENT.OCCURRED_AT, occurredAt)
                .execute();
    }

    private java.util.List<String> values(
            UUID tenant, java.util.function.Function<DSLContext, java.util.List<String>> query) {
        return inTenant(tenant, query);
    }

    private int count(UUID tenant, Table<?> table) {
        return inTenant(tenant, db -> db.fetchCount(table));
    }

    private double purged(String purge) {
        var counter =
                meters.find("trellis.housekeeping.purged").tag("purge", purge).counter();
        return counter == null ? 0 : counter.count();
    }

    private double runs() {
        return meters.get("trellis.housekeeping.run").timer().count();
    }

    /** The shedlock row of this job, read as the runtime role (a platform table: no tenant scope needed). */
    private boolean lockIsHeld() {
        return Boolean.TRUE.equals(inTenant(
                UUID.randomUUID(),
                db -> db.fetchValue(
                        "select lock_until > now() from shedlock where name = 'housekeeping'", Boolean.class)));
    }

    /** Marks the job's lock as held by another instance for {@code seconds} from now (0: released). */
    private void lockHeldFor(int seconds) {
        inTenant(
                UUID.randomUUID(),
                db -> db.execute(
                        "update shedlock set lock_until = now() + make_interval(secs => ?), locked_at = now(),"
                                + " locked_by = 'another-instance' where name = 'housekeeping'",
                        seconds));
    }
}
