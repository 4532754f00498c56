package org.trellis.api.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LeakyBucketUnitTest {

    private static final Bucket TENANT = new Bucket(LimitKind.GRAPHQL_TENANT, "graphql:tenant", 1000, 100);
    private static final Bucket ACTOR = new Bucket(LimitKind.GRAPHQL_ACTOR, "graphql:person:p", 100, 10);

    private static BucketState state(Bucket bucket, double level) {
        return new BucketState(bucket, true, level, bucket.capacity(), bucket.restoreRate());
    }

    @Test
    void availableIsWhatTheBucketHasRoomForRoundedDown() {
        assertThat(LeakyBucket.available(state(ACTOR, 0))).isEqualTo(100);
        assertThat(LeakyBucket.available(state(ACTOR, 40.4))).isEqualTo(59);
        assertThat(LeakyBucket.available(state(ACTOR, 100))).isZero();
        assertThat(LeakyBucket.available(state(ACTOR, 120))).isZero();
    }

    @Test
    void aRequestIsChargedItsCostButNeverMoreThanTheBucketHolds() {
        assertThat(LeakyBucket.charge(100, 30)).isEqualTo(30);
        assertThat(LeakyBucket.charge(100, 100_000)).isEqualTo(100);
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilTheCostFits() {
        assertThat(LeakyBucket.retryAfterSeconds(state(ACTOR, 50), 50)).isZero();
        // 95 + 30 - 100 = 25 points over, regained at 10/s: 2.5 s, rounded up
        assertThat(LeakyBucket.retryAfterSeconds(state(ACTOR, 95), 30)).isEqualTo(3);
        // a sliver over still waits a whole second
        assertThat(LeakyBucket.retryAfterSeconds(state(ACTOR, 50.01), 50)).isEqualTo(1);
        // a cost above the capacity waits for a full bucket
        assertThat(LeakyBucket.retryAfterSeconds(state(ACTOR, 100), 5_000)).isEqualTo(10);
    }

    @Test
    void theLimitingBucketIsTheOneWaitedForLongest() {
        List<BucketState> states = List.of(state(TENANT, 990), state(ACTOR, 10));
        assertThat(LeakyBucket.limiting(states, 20).bucket()).isEqualTo(TENANT);
        assertThat(LeakyBucket.limiting(List.of(state(TENANT, 0), state(ACTOR, 95)), 20)
                        .bucket())
                .isEqualTo(ACTOR);
    }

    @Test
    void theTightestBucketHasTheLeastLeftForItsSize() {
        assertThat(LeakyBucket.tightest(List.of(state(TENANT, 500), state(ACTOR, 10)))
                        .bucket())
                .isEqualTo(TENANT);
        assertThat(LeakyBucket.tightest(List.of(state(TENANT, 100), state(ACTOR, 50)))
                        .bucket())
                .isEqualTo(ACTOR);
    }

    @Test
    void anOperationGetsBackWhatItWasChargedAndDidNotUse() {
        assertThat(LeakyBucket.refund(state(ACTOR, 0), 80, 30)).isEqualTo(50);
        assertThat(LeakyBucket.refund(state(ACTOR, 0), 80, 80)).isZero();
        // charged at most the capacity, so it gets back at most that
        assertThat(LeakyBucket.refund(state(ACTOR, 0), 5_000, 30)).isEqualTo(70);
        assertThat(LeakyBucket.refund(state(ACTOR, 0), 10, 30)).isZero();
    }
}
