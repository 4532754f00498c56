package org.trellis.api.housekeeping;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.trellis.api.shared.TenantPurge;

/**
 * Runs every {@link TenantPurge} for a tenant: each batch in its own transaction of that tenant, repeated while a
 * batch comes back full, at most {@code maxBatches} times. A failing purge is logged and counted; the others go on.
 */
@Component
class TenantPurges {

    private static final Logger log = LoggerFactory.getLogger(TenantPurges.class);

    private final List<TenantPurge> purges;
    private final PerTenant perTenant;
    private final MeterRegistry meters;

    TenantPurges(List<TenantPurge> purges, PerTenant perTenant, MeterRegistry meters) {
        this.purges = List.copyOf(purges);
        this.perTenant = perTenant;
        this.meters = meters;
    }

    /** Purges one tenant; rows deleted by purge name. */
    Map<String, Integer> purge(UUID tenantId, Instant now, int batchSize, int maxBatches) {
        Map<String, Integer> deleted = new TreeMap<>();
        for (TenantPurge purge : purges) {
            int total = 0;
            try {
                for (int batch = 0; batch < maxBatches; batch++) {
                    int count = perTenant.inTransaction(tenantId, () -> purge.purge(now, batchSize));
                    total += count;
                    if (count < batchSize) {
                        break;
                    }
                }
            } catch (RuntimeException e) {
                meters.counter("trellis.housekeeping.failures", "purge", purge.name())
                        .increment();
                log.error("Purge {} failed for tenant {}", purge.name(), tenantId, e);
            }
            if (total > 0) {
                meters.counter("trellis.housekeeping.purged", "purge", purge.name())
                        .increment(total);
            }
            deleted.put(purge.name(), total);
        }
        return deleted;
    }
}
