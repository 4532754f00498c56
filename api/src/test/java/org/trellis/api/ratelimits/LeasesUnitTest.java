package org.trellis.api.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LeasesUnitTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final Bucket SHARED = new Bucket(LimitKind.GRAPHQL_TENANT, "graphql:tenant", 10_000, 100);
    private static final Bucket OWN = new Bucket(LimitKind.GRAPHQL_ACTOR, "graphql:person:p", 1_000, 10);
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(42 * SECOND);
    private final Leases leases = new Leases(Duration.ofSeconds(1), now::get);

    /** As the database leaves a bucket after an admitted charge with a lease: the lease is in its level. */
    private static BucketState charged(Bucket bucket, double level) {
        return new BucketState(bucket, true, level, bucket.capacity(), bucket.restoreRate());
    }

    private void grant(double shared, double own) {
        leases.grant(TENANT, List.of(charged(SHARED, 500), charged(OWN, 100)), new double[] {shared, own});
    }

    @Test
    void requestsAreAdmittedFromLiveLeasesUntilTheyAreSpent() {
        grant(100, 20);

        assertThat(leases.take(TENANT, List.of(SHARED, OWN), 10)).hasSize(2);
        assertThat(leases.take(TENANT, List.of(SHARED, OWN), 10)).hasSize(2);
        assertThat(leases.take(TENANT, List.of(SHARED, OWN), 10)).isNull();
        assertThat(leases.surrender(TENANT, List.of(SHARED, OWN))).containsExactly(80, 0);
    }

    @Test
    void aRequestIsAdmittedFromLeasesOnlyWhenEveryBucketsLeaseHoldsItsCost() {
        grant(100, 5);

        assertThat(leases.take(TENANT, List.of(SHARED, OWN), 10)).isNull();
        assertThat(leases.surrender(TENANT, List.of(SHARED, OWN)))
                .as("neither lease was touched")
                .containsExactly(100, 5);
    }

    @Test
    void anEndedLeaseAdmitsNothingButWhatIsLeftOfItIsGivenBackWithTheNextCharge() {
        grant(100, 20);
        now.addAndGet(SECOND);

        assertThat(leases.take(TENANT, List.of(SHARED, OWN), 10)).isNull();
        assertThat(leases.surrender(TENANT, List.of(SHARED, OWN))).containsExactly(100, 20);
        assertThat(leases.surrender(TENANT, List.of(SHARED, OWN))).containsExactly(0, 0);
    }

    @Test
    void aLeaseGrantedBesideAnEndedOneDoesNotRevivePointsOfTheEndedOne() {
        grant(100, 20);
        now.addAndGet(SECOND);

        grant(50, 10);

        assertThat(leases.surrender(TENANT, List.of(SHARED, OWN))).containsExactly(50, 10);
    }

    @Test
    void aLeaseGrantedBesideALiveOneAddsToIt() {
        grant(100, 20);

        grant(50, 10);

        assertThat(leases.surrender(TENANT, List.of(SHARED, OWN))).containsExactly(150, 30);
    }

    @Test
    void aFullTableAnswersWhatItCouldNotKeepUntilEndedLeasesMakeRoom() {
        for (int i = 0; i < 100_000; i++) {
            Bucket bucket = new Bucket(LimitKind.SCIM, "scim:" + i, 600, 20);
            leases.grant(TENANT, List.of(charged(bucket, 10)), new double[] {6});
        }

        assertThat(leases.grant(TENANT, List.of(charged(SHARED, 500), charged(OWN, 100)), new double[] {100, 20}))
                .containsExactly(100, 20);
        now.addAndGet(SECOND);
        assertThat(leases.grant(TENANT, List.of(charged(SHARED, 500), charged(OWN, 100)), new double[] {100, 20}))
                .containsExactly(0, 0);
        assertThat(leases.take(TENANT, List.of(SHARED, OWN), 10)).hasSize(2);
    }

    @Test
    void aLeasedBucketReportsItsLevelLeakedSinceTheGrantLessWhatIsStillLeased() {
        grant(100, 20);
        now.addAndGet(SECOND / 2);

        List<BucketState> states = leases.take(TENANT, List.of(SHARED, OWN), 10);

        // Shared: 500 leaked 50 in half a second, 90 still leased. Own: 100 leaked 5, 10 still leased.
        assertThat(states).extracting(BucketState::level).containsExactly(360.0, 85.0);
        assertThat(states).allMatch(BucketState::allowed);
    }

    @Test
    void leasesOfAnotherTenantAreNotShared() {
        grant(100, 20);

        assertThat(leases.take(UUID.randomUUID(), List.of(SHARED, OWN), 10)).isNull();
    }

    @Test
    void aLifetimeOfZeroAsksForNoLease() {
        assertThat(new Leases(Duration.ZERO, now::get).share()).isZero();
        assertThat(leases.share()).isEqualTo(Leases.SHARE);
    }
}
