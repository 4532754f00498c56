package org.trellis.api.ratelimits;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Charges requests to their buckets ({@link RateLimitPolicy} says which) and counts refusals in {@code
 * trellis.ratelimit.refusals{limit}} ({@code trellis_ratelimit_refusals_total} in Prometheus), tagged with the kind of
 * the bucket that refused: {@code graphql_tenant}, {@code graphql_actor}, {@code scim} or {@code webhooks}. A charge
 * whose bucket stays locked by other requests longer than the database waits (500 ms) is admitted uncounted, logged
 * as a warning and counted in {@code trellis.ratelimit.contended}: a contended database says nothing about the caller.
 */
@Component
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    private final Buckets buckets;
    private final RateLimitPolicy policy;
    private final MeterRegistry meters;
    private final PendingRefunds refunds = new PendingRefunds();
    private final Leases leases;

    RateLimiter(Buckets buckets, RateLimitProperties properties, MeterRegistry meters) {
        this.buckets = buckets;
        this.policy = new RateLimitPolicy(properties);
        this.meters = meters;
        this.leases = new Leases(properties.leaseLifetime(), System::nanoTime);
        for (LimitKind kind : LimitKind.values()) {
            refusals(kind); // every series exists from the start, at 0, for dashboards and alerts
        }
        meters.counter("trellis.ratelimit.contended");
    }

    private Counter refusals(LimitKind kind) {
        return meters.counter("trellis.ratelimit.refusals", "limit", kind.tag());
    }

    /** The outcome of one charge; {@code states} is empty when nothing was limited. */
    record Outcome(boolean allowed, List<BucketState> states) {

        static final Outcome UNLIMITED = new Outcome(true, List.of());
    }

    RateLimitPolicy policy() {
        return policy;
    }

    /**
     * Charges {@code cost} to the buckets (all or none): to this instance's leases when they all hold it, otherwise to
     * the database, with what this instance owes the buckets from earlier charges and leases.
     */
    Outcome charge(UUID tenantId, List<Bucket> charged, long cost) {
        if (charged.isEmpty()) {
            return Outcome.UNLIMITED;
        }
        List<BucketState> leased = leases.take(tenantId, charged, cost);
        if (leased != null) {
            return new Outcome(true, leased);
        }
        double[] owed = refunds.take(tenantId, charged);
        double[] unspent = leases.surrender(tenantId, charged);
        for (int i = 0; i < owed.length; i++) {
            owed[i] += unspent[i];
        }
        Buckets.Taken taken;
        try {
            taken = buckets.take(tenantId, charged, owed, cost, leases.share());
        } catch (Buckets.Contended e) {
            refunds.restore(tenantId, charged, owed);
            log.warn("Rate-limit charge of tenant {} admitted uncounted: {}", tenantId, e.getMessage());
            meters.counter("trellis.ratelimit.contended").increment();
            return Outcome.UNLIMITED;
        } catch (RuntimeException e) {
            refunds.restore(tenantId, charged, owed);
            throw e;
        }
        if (taken.states().isEmpty()) {
            return Outcome.UNLIMITED; // no such tenant: whatever the request names, it finds nothing
        }
        double[] unkept = leases.grant(tenantId, taken.states(), taken.leased());
        List<BucketState> states = new ArrayList<>(taken.states().size());
        for (int i = 0; i < unkept.length; i++) { // what this instance leased is available to its callers
            BucketState state = taken.states().get(i);
            refunds.add(tenantId, state.bucket(), unkept[i]);
            states.add(new BucketState(
                    state.bucket(),
                    state.allowed(),
                    state.level() - (taken.leased()[i] - unkept[i]),
                    state.capacity(),
                    state.restoreRate()));
        }
        boolean allowed = states.getFirst().allowed();
        if (!allowed) {
            refusals(LeakyBucket.limiting(states, cost).bucket().kind()).increment();
        }
        return new Outcome(allowed, states);
    }

    /**
     * Gives back to each bucket what an operation charged {@code requested} did not use, with the next charge this
     * instance sends the database for it (not to a lease: the database keeps a level from going below empty).
     */
    void refund(UUID tenantId, List<BucketState> states, long requested, long actual) {
        for (BucketState state : states) {
            refunds.add(tenantId, state.bucket(), LeakyBucket.refund(state, requested, actual));
        }
    }

    /** Charges one SCIM request of this credential; null when admitted. */
    public @Nullable Refusal scim(UUID tenantId, UUID credentialId) {
        return refusal(charge(tenantId, policy.scim(credentialId), 1), "SCIM requests of this credential");
    }

    /**
     * Charges one delivery whose signature did not verify to its tenant's bucket of unverified deliveries; null when
     * admitted (it is then refused as unauthenticated).
     */
    public @Nullable Refusal unverifiedWebhook(UUID tenantId) {
        return refusal(
                charge(tenantId, policy.unverifiedWebhook(), 1),
                "webhook deliveries with a bad signature to this organisation");
    }

    /** Charges one verified delivery to this webhook endpoint; null when admitted. */
    public @Nullable Refusal webhook(UUID tenantId, UUID endpointId) {
        return refusal(charge(tenantId, policy.webhook(endpointId), 1), "deliveries to this webhook endpoint");
    }

    private static @Nullable Refusal refusal(Outcome outcome, String what) {
        if (outcome.allowed()) {
            return null;
        }
        BucketState limiting = LeakyBucket.limiting(outcome.states(), 1);
        long seconds = Math.max(1, LeakyBucket.retryAfterSeconds(limiting, 1));
        return new Refusal(
                seconds,
                "Too many " + what + ": at most " + (long) limiting.capacity() + " at once and "
                        + (long) limiting.restoreRate() + " per second. Retry after " + seconds + " s.");
    }
}
