package org.trellis.api.ratelimits;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refunds owed to buckets by operations that cost less than they were charged, given back with the next charge this
 * instance makes to the same bucket: a request then still costs one statement. A bucket no request of this instance
 * charges again gets nothing back, which only errs on the strict side; so does a full table.
 */
final class PendingRefunds {

    private static final int MAX_ENTRIES = 100_000;

    private record Key(UUID tenantId, String bucket) {}

    private final ConcurrentHashMap<Key, Double> owed = new ConcurrentHashMap<>();

    void add(UUID tenantId, Bucket bucket, double points) {
        if (points <= 0 || owed.size() >= MAX_ENTRIES) {
            return;
        }
        owed.merge(new Key(tenantId, bucket.key()), points, Double::sum);
    }

    /** Takes what is owed to each bucket (removing it), in the buckets' order. */
    double[] take(UUID tenantId, List<Bucket> buckets) {
        double[] refunds = new double[buckets.size()];
        for (int i = 0; i < refunds.length; i++) {
            Double points = owed.remove(new Key(tenantId, buckets.get(i).key()));
            refunds[i] = points == null ? 0 : points;
        }
        return refunds;
    }

    /** Puts refunds back when the charge that carried them failed. */
    void restore(UUID tenantId, List<Bucket> buckets, double[] refunds) {
        for (int i = 0; i < refunds.length; i++) {
            add(tenantId, buckets.get(i), refunds[i]);
        }
    }
}
