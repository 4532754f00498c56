package org.trellis.api.ratelimits;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.LongStream;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.trellis.api.shared.TenantPurge;

/**
 * Deletes buckets idle for an hour that have leaked back to empty by now: a missing bucket and an empty one charge
 * alike, so nothing is forgotten, and rows of callers, credentials and endpoints that went away do not accumulate. A
 * bucket's own restore rate is not stored with it, so it is taken at its slowest: the least of the configured rates
 * and the tenant's overrides. A charge that locked the row first keeps it (the delete re-checks a row it waited for).
 */
@Component
class IdleBucketPurge implements TenantPurge {

    private static final String DELETE = "DELETE FROM rate_limit_bucket WHERE (tenant_id, bucket) IN ("
            + " SELECT b.tenant_id, b.bucket FROM rate_limit_bucket b"
            + " WHERE b.updated_at < ?::timestamptz - interval '1 hour'"
            + " AND b.level - least(?, coalesce((SELECT min(o.restore_rate) FROM rate_limit_override o), ?))"
            + " * extract(epoch FROM ?::timestamptz - b.updated_at) <= 0"
            + " LIMIT ?)";

    private final DSLContext db;
    private final double slowestRate;

    IdleBucketPurge(DSLContext db, RateLimitProperties properties) {
        this.db = db;
        this.slowestRate = LongStream.of(
                        properties.graphqlTenant().restoreRate(),
                        properties.graphqlActor().restoreRate(),
                        properties.scim().restoreRate(),
                        properties.webhooks().restoreRate())
                .min()
                .orElseThrow();
    }

    @Override
    public String name() {
        return "rate-limit-buckets";
    }

    @Override
    public int purge(Instant now, int batchSize) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return db.execute(DELETE, at, slowestRate, slowestRate, at, batchSize);
    }
}
