package org.trellis.graphql;

import org.jspecify.annotations.Nullable;

/**
 * The caller's rate-limit budget, counted in query cost ({@link QueryCost}). {@link RequestLimitsInstrumentation}
 * charges every priced operation before it runs and settles it once it has run; a refused operation never runs.
 */
public interface CostBudget {

    /** No budget: nothing is limited and no throttle status is reported. */
    CostBudget UNLIMITED = new CostBudget() {
        @Override
        public @Nullable Charge charge(long requested) {
            return null;
        }

        @Override
        public void settle(Charge charge, long actual) {}
    };

    /**
     * Charges the operation's requested cost to the caller's budget.
     *
     * @return what was charged and what is left, or null when the caller is not limited
     * @throws Throttled when the budget has no room for it; nothing was charged
     */
    @Nullable
    Charge charge(long requested) throws Throttled;

    /** Called once the charged operation has run, with the cost it actually had. */
    void settle(Charge charge, long actual);

    /**
     * A charge, with what the client sees of it in {@code extensions.cost.throttleStatus}.
     *
     * @param requested the cost charged
     * @param status the budget after the charge
     * @param token the implementation's own record of the charge, handed back to {@link #settle}
     */
    record Charge(long requested, ThrottleStatus status, Object token) {}

    /**
     * A bucket as Shopify reports it: its size, what is available now, and what it regains per second.
     *
     * @param bucket which bucket this is (e.g. the tenant's or the caller's)
     */
    record ThrottleStatus(String bucket, long maximumAvailable, long currentlyAvailable, long restoreRate) {}

    /** A refusal: the operation did not run, and the client may retry after {@code retryAfterSeconds} (at least 1). */
    final class Throttled extends RuntimeException {

        private final long retryAfterSeconds;
        private final ThrottleStatus status;

        public Throttled(String message, long retryAfterSeconds, ThrottleStatus status) {
            super(message, null, false, false);
            this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
            this.status = status;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }

        public ThrottleStatus status() {
            return status;
        }
    }
}
