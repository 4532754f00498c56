package org.trellis.api.shared;

import java.time.Instant;

/**
 * A housekeeping purge: each bean implementing it is run by the housekeeping scheduler for every tenant, inside a
 * transaction scoped to that tenant, on one instance at a time. A run deletes at most a bounded batch, so no run
 * holds a long transaction; what is left is taken by the next run.
 */
public interface TenantPurge {

    /** A short stable name for logs and metrics, e.g. {@code idempotency-keys}. */
    String name();

    /**
     * Deletes, in the transaction's tenant, at most {@code batchSize} rows that are due at {@code now}.
     *
     * @return how many rows it deleted
     */
    int purge(Instant now, int batchSize);
}
