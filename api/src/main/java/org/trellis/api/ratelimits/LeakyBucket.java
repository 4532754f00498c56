package org.trellis.api.ratelimits;

import java.util.Comparator;
import java.util.List;

/**
 * The arithmetic around a charge, on what the database answered (the database itself leaks, refunds and charges, in
 * {@code rate_limit_take}, so that every instance counts alike): what is left, how long to wait, which bucket is the
 * tighter, and what an operation that used less than it was charged gets back.
 */
final class LeakyBucket {

    private LeakyBucket() {}

    /** Points available now, rounded down. */
    static long available(BucketState state) {
        return (long) Math.floor(Math.max(0, state.capacity() - state.level()));
    }

    /** What a request of this cost is charged: its cost, but never more than the bucket holds. */
    static double charge(double capacity, long cost) {
        return Math.min(cost, capacity);
    }

    /**
     * Whole seconds until the bucket has room for a request of this cost (at least 1), or 0 when it has room now.
     */
    static long retryAfterSeconds(BucketState state, long cost) {
        double excess = state.level() + charge(state.capacity(), cost) - state.capacity();
        if (excess <= 0) {
            return 0;
        }
        return Math.max(1, (long) Math.ceil(excess / state.restoreRate()));
    }

    /** The bucket a refused request waits longest for: the one that decides its Retry-After. */
    static BucketState limiting(List<BucketState> states, long cost) {
        return states.stream()
                .max(Comparator.comparingLong((BucketState state) -> retryAfterSeconds(state, cost))
                        .thenComparing(LeakyBucket::available, Comparator.reverseOrder()))
                .orElseThrow();
    }

    /** The bucket with the least available now (relative to its size): the one a client should watch. */
    static BucketState tightest(List<BucketState> states) {
        return states.stream()
                .min(Comparator.comparingDouble(state -> available(state) / state.capacity()))
                .orElseThrow();
    }

    /** What an operation charged {@code requested} gets back once it turned out to cost {@code actual}. */
    static double refund(BucketState state, long requested, long actual) {
        return Math.max(0, charge(state.capacity(), requested) - actual);
    }
}
