package org.trellis.api.ratelimits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Points this instance has charged to buckets ahead of its requests, which it admits from them without a statement.
 * {@code rate_limit_take} grants a lease of {@link #SHARE} of a bucket's capacity along with an admitted charge, and
 * only while the bucket has room for two more, so a caller far from its limit costs one statement per lease instead
 * of one per request (for requests that cost no more than a lease), and once the bucket is nearly full every charge
 * after the last lease is spent is decided by the database. Leased points are charged in the database like any
 * others; since they are charged before they are spent, the bucket starts leaking them early, so instances sharing a
 * bucket may admit up to one lease each (1 % of its capacity) more than it holds. A lease lasts {@code lifetime} (a
 * tenant's new limits apply within it); what is left of it is given back with this instance's next charge to the
 * bucket. Refunds never go into a lease (they are given back in the database, which keeps a level from going below
 * empty). A request is admitted from leases only when every one of its buckets holds its cost (all or none).
 */
final class Leases {

    /** The share of a bucket's capacity one lease holds. */
    static final double SHARE = 0.01;

    private static final int MAX_ENTRIES = 100_000;

    private record Key(UUID tenantId, String bucket) {}

    /** A lease's remaining points, and the bucket as its charge left it, to report the bucket's state from. */
    private static final class Lease {

        private double points;
        private final long grantedAt;
        private final double level;
        private final double capacity;
        private final double restoreRate;

        Lease(double points, long grantedAt, BucketState state) {
            this.points = points;
            this.grantedAt = grantedAt;
            this.level = state.level();
            this.capacity = state.capacity();
            this.restoreRate = state.restoreRate();
        }

        /** The bucket as this instance sees it now: its level leaked since the grant, less what is left leased. */
        BucketState state(Bucket bucket, long now) {
            double leaked = Math.max(0, level - restoreRate * ((now - grantedAt) / 1e9));
            return new BucketState(bucket, true, Math.max(0, leaked - points), capacity, restoreRate);
        }
    }

    private final Map<Key, Lease> held = new HashMap<>();
    private final long lifetimeNanos;
    private final LongSupplier clock;

    Leases(Duration lifetime, LongSupplier clock) {
        this.lifetimeNanos = lifetime.toNanos();
        this.clock = clock;
    }

    /** The share of capacity to ask the database for: none when leases are off (a lifetime of 0). */
    double share() {
        return lifetimeNanos > 0 ? SHARE : 0;
    }

    /**
     * Takes {@code cost} from the lease of every bucket, or from none when one has no live lease holding it; answers
     * the buckets' states as this instance sees them, or null when the database must decide.
     */
    synchronized @Nullable List<BucketState> take(UUID tenantId, List<Bucket> buckets, long cost) {
        long now = clock.getAsLong();
        Lease[] leases = new Lease[buckets.size()];
        for (int i = 0; i < leases.length; i++) {
            Lease lease = held.get(new Key(tenantId, buckets.get(i).key()));
            if (lease == null || !live(lease, now) || lease.points < cost) {
                return null;
            }
            leases[i] = lease;
        }
        List<BucketState> states = new ArrayList<>(leases.length);
        for (int i = 0; i < leases.length; i++) {
            leases[i].points -= cost;
            states.add(leases[i].state(buckets.get(i), now));
        }
        return states;
    }

    /** Ends the buckets' leases, answering what is left of each (to give back with the charge that follows). */
    synchronized double[] surrender(UUID tenantId, List<Bucket> buckets) {
        double[] left = new double[buckets.size()];
        for (int i = 0; i < left.length; i++) {
            Lease lease = held.remove(new Key(tenantId, buckets.get(i).key()));
            left[i] = lease == null ? 0 : lease.points;
        }
        return left;
    }

    /**
     * Keeps what a charge leased ({@code leased}, per state), with the buckets as the database left them (levels
     * with the lease charged); answers, per state, the points it could not keep (the table is full), which the caller
     * gives back with its next charge.
     */
    synchronized double[] grant(UUID tenantId, List<BucketState> states, double[] leased) {
        long now = clock.getAsLong();
        double[] unkept = new double[leased.length];
        for (int i = 0; i < leased.length; i++) {
            if (leased[i] <= 0) {
                continue;
            }
            Key key = new Key(tenantId, states.get(i).bucket().key());
            Lease earlier = held.get(key); // granted to a concurrent charge meanwhile: keep both while it lives
            if (earlier == null && held.size() >= MAX_ENTRIES) {
                held.values().removeIf(lease -> !live(lease, now)); // charged, unspent and ended: strict side
            }
            if (earlier == null && held.size() >= MAX_ENTRIES) {
                unkept[i] = leased[i];
                continue;
            }
            double points = leased[i] + (earlier != null && live(earlier, now) ? earlier.points : 0);
            held.put(key, new Lease(points, now, states.get(i)));
        }
        return unkept;
    }

    private boolean live(Lease lease, long now) {
        return now - lease.grantedAt < lifetimeNanos;
    }
}
