package org.trellis.api.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.trellis.api.support.IntegrationTest;
import org.trellis.api.support.TestDatabase;
import org.trellis.persistence.TenantScopedTransactionManager;

/**
 * Two limiter "instances", each with its own connection pool on the one database, charging one bucket at once from
 * many threads: together they never admit more than the bucket holds plus what it regained meanwhile, and they
 * admit at least what it held (the buckets are shared, not per instance).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedBucketsIntegrationTest extends IntegrationTest {

    private static final int THREADS_PER_INSTANCE = 6;
    private static final int REQUESTS_PER_THREAD = 8;

    private final List<HikariDataSource> pools = new ArrayList<>();
    private final List<RateLimiter> instances = new ArrayList<>();
    private UUID tenant;

    @BeforeAll
    void twoInstances() {
        tenant = newTenant("shared-buckets").uuid();
        for (int i = 0; i < 2; i++) {
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl(TestDatabase.INSTANCE.url());
            pool.setUsername(TestDatabase.RUNTIME.name());
            pool.setPassword(TestDatabase.RUNTIME.password());
            pool.setMaximumPoolSize(THREADS_PER_INSTANCE);
            pools.add(pool);
            instances.add(
                    new RateLimiter(new Buckets(pool, transactions(pool)), properties(), new SimpleMeterRegistry()));
        }
    }

    @AfterAll
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    @Test
    void instancesSharingTheDatabaseNeverAdmitMoreThanTheBucketHolds() {
        qt().withExamples(6)
                .forAll(integers().between(5, 60), integers().between(1, 7))
                .checkAssert(this::chargeConcurrently);
    }

    /**
     * Buckets big enough to lease from (1 % of their capacity covers a request): each instance admits most requests
     * from its leases, and still the two admit no more than the bucket holds plus what it regained, because leased
     * points are charged (with a leak this slow, charging them early frees next to nothing). They admit at least what
     * it held less what each may still hold leased when the requests stop.
     */
    @Test
    void instancesAdmittingFromLeasesAdmitNoMoreThanTheBucketHoldsPlusWhatItRegained() {
        qt().withExamples(4)
                .forAll(integers().between(300, 700), integers().between(1, 3))
                .checkAssert((capacity, cost) -> chargeConcurrently(capacity, cost, 80));
    }

    private void chargeConcurrently(int capacity, int cost) {
        chargeConcurrently(capacity, cost, REQUESTS_PER_THREAD);
    }

    private void chargeConcurrently(int capacity, int cost, int requestsPerThread) {
        Bucket bucket = new Bucket(LimitKind.SCIM, "property:" + UUID.randomUUID(), capacity, 1);
        long lease = (long) Math.floor(capacity * Leases.SHARE);
        AtomicInteger admitted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_INSTANCE);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 2 * THREADS_PER_INSTANCE; t++) {
                RateLimiter instance = instances.get(t % 2);
                done.add(threads.submit(() -> {
                    start.await();
                    for (int r = 0; r < requestsPerThread; r++) {
                        if (instance.charge(tenant, List.of(bucket), cost).allowed()) {
                            admitted.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            long began = System.nanoTime();
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            long regained = (long) Math.ceil(seconds * bucket.restoreRate());
            long charged = Math.min(cost, capacity);
            assertThat(admitted.get() * charged)
                    .as("points admitted (capacity %d, cost %d, %.2f s)", capacity, cost, seconds)
                    .isLessThanOrEqualTo(capacity + regained)
                    .isGreaterThanOrEqualTo((capacity - 2 * THREADS_PER_INSTANCE * lease) / charged * charged);
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            threads.shutdownNow();
        }
    }

    /** Only for its pool eviction after a broken connection, which these charges never meet. */
    private static TenantScopedTransactionManager transactions(HikariDataSource pool) {
        return new TenantScopedTransactionManager(
                pool,
                () -> {
                    throw new IllegalStateException("no transaction here");
                },
                Duration.ofSeconds(5));
    }

    private static RateLimitProperties properties() {
        RateLimitProperties.Limit limit = new RateLimitProperties.Limit(1, 1);
        return new RateLimitProperties(true, limit, limit, limit, limit, Duration.ofSeconds(1));
    }
}
