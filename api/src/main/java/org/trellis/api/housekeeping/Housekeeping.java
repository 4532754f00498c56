package org.trellis.api.housekeeping;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The one housekeeping job: every {@code trellis.housekeeping.interval}, on one instance of the cluster at a time
 * (ShedLock lock {@code housekeeping}), every tenant's purges run in bounded batches. Logs counts only.
 */
@Component
class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final PerTenant perTenant;
    private final TenantPurges purges;
    private final HousekeepingProperties properties;
    private final Timer runs;

    Housekeeping(PerTenant perTenant, TenantPurges purges, HousekeepingProperties properties, MeterRegistry meters) {
        this.perTenant = perTenant;
        this.purges = purges;
        this.properties = properties;
        this.runs = Timer.builder("trellis.housekeeping.run")
                .description("Runs of the housekeeping purges, over every tenant")
                .register(meters);
    }

    /** One run over every tenant. Skipped (returns at once) while another run holds the lock, on any instance. */
    @Scheduled(
            fixedDelayString = "${trellis.housekeeping.interval:15m}",
            initialDelayString = "${trellis.housekeeping.initial-delay:2m}")
    @SchedulerLock(name = "housekeeping", lockAtMostFor = "PT1H")
    public void run() {
        runs.record(() -> {
            Instant now = Instant.now();
            Map<String, Integer> totals = new TreeMap<>();
            for (UUID tenantId : perTenant.tenantIds()) {
                purges.purge(tenantId, now, properties.batchSize(), properties.maxBatches())
                        .forEach((name, count) -> totals.merge(name, count, Integer::sum));
            }
            log.info("Housekeeping run: rows purged {}", totals);
        });
    }
}
