package org.trellis.api.ratelimits;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.graphql.CostBudget;

/**
 * The verified caller's GraphQL budget: an operation's requested cost (every list at its maximum; at least {@link
 * #MINIMUM_COST}) is charged to its tenant's bucket and its own before it runs; once it has run, what it did not use
 * (requested minus actual, never below the minimum) is given back, with the next charge to the same buckets. The
 * answer reports the tighter of the two buckets.
 */
@Component
class GraphQlBudget implements CostBudget {

    /**
     * What every operation costs at least, whatever it resolves: each request has a fixed price (parsing, a charge, a
     * transaction), so cheap operations are bounded by a bucket's restore rate / 10 per second, not its full rate.
     */
    static final long MINIMUM_COST = 10;

    private final RateLimiter limiter;

    GraphQlBudget(RateLimiter limiter) {
        this.limiter = limiter;
    }

    private record Charged(UUID tenantId, List<BucketState> states) {}

    @Override
    public @Nullable Charge charge(long requested) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof ActorAuthentication caller)) {
            return null;
        }
        var actor = caller.getPrincipal();
        List<Bucket> buckets = limiter.policy().graphQl(actor);
        if (buckets.isEmpty()) {
            return null;
        }
        UUID tenantId = actor.tenant();
        long cost = Math.max(MINIMUM_COST, requested);
        RateLimiter.Outcome outcome = limiter.charge(tenantId, buckets, cost);
        if (outcome.states().isEmpty()) {
            return null;
        }
        if (!outcome.allowed()) {
            BucketState limiting = LeakyBucket.limiting(outcome.states(), cost);
            long seconds = LeakyBucket.retryAfterSeconds(limiting, cost);
            String whose = limiting.bucket().kind() == LimitKind.GRAPHQL_TENANT ? "your organisation's" : "your";
            throw new Throttled(
                    "Rate limited: this operation costs " + cost + " and " + whose + " budget has "
                            + LeakyBucket.available(limiting) + " of " + (long) limiting.capacity()
                            + " available, regaining " + (long) limiting.restoreRate() + " per second. Retry after "
                            + Math.max(1, seconds) + " s.",
                    seconds,
                    status(limiting));
        }
        return new Charge(
                cost, status(LeakyBucket.tightest(outcome.states())), new Charged(tenantId, outcome.states()));
    }

    @Override
    public void settle(Charge charge, long actual) {
        if (charge.token() instanceof Charged charged) {
            limiter.refund(charged.tenantId(), charged.states(), charge.requested(), Math.max(MINIMUM_COST, actual));
        }
    }

    private static ThrottleStatus status(BucketState state) {
        return new ThrottleStatus(
                state.bucket().kind() == LimitKind.GRAPHQL_TENANT ? "tenant" : "actor",
                (long) state.capacity(),
                LeakyBucket.available(state),
                (long) state.restoreRate());
    }
}
