package org.trellis.api.secrets;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.trellis.api.housekeeping.HousekeepingProperties;
import org.trellis.api.housekeeping.PerTenant;

/**
 * After the primary key changes, moves every stored secret ({@link SealedSecrets}) to it in the background: on one
 * instance at a time (ShedLock lock {@code secret-reencryption}), per tenant, in bounded batches, each in its own
 * transaction of that tenant. What is still not under the primary key is published as the gauge
 * {@code trellis.secrets.reencryption.pending}: an older key may be removed once it reads 0.
 */
@Component
class SecretReencryption {

    private static final Logger log = LoggerFactory.getLogger(SecretReencryption.class);

    private final SecretVault vault;
    private final List<SealedSecrets> stores;
    private final PerTenant perTenant;
    private final HousekeepingProperties properties;
    private final MeterRegistry meters;
    private final AtomicLong pending = new AtomicLong(-1);

    SecretReencryption(
            SecretVault vault,
            List<SealedSecrets> stores,
            PerTenant perTenant,
            HousekeepingProperties properties,
            MeterRegistry meters) {
        this.vault = vault;
        this.stores = List.copyOf(stores);
        this.perTenant = perTenant;
        this.properties = properties;
        this.meters = meters;
        Gauge.builder("trellis.secrets.reencryption.pending", pending, AtomicLong::get)
                .description("Stored secrets not sealed by the primary key after the last run (-1 before the first)")
                .register(meters);
    }

    /** One run over every tenant. Skipped (returns at once) while another run holds the lock, on any instance. */
    @Scheduled(
            fixedDelayString = "${trellis.housekeeping.interval:15m}",
            initialDelayString = "${trellis.housekeeping.initial-delay:2m}")
    @SchedulerLock(name = "secret-reencryption", lockAtMostFor = "PT1H")
    public void run() {
        long resealed = 0;
        long left = 0;
        for (UUID tenantId : perTenant.tenantIds()) {
            Result result = reencrypt(tenantId, vault);
            resealed += result.resealed();
            left += result.pending();
        }
        pending.set(left);
        if (resealed > 0 || left > 0) {
            log.info("Secret re-encryption: {} re-sealed, {} still not under key {}", resealed, left, primaryId());
        }
    }

    /** Moves one tenant's secrets to {@code vault}'s primary key, at most {@code maxBatches} batches per store. */
    Result reencrypt(UUID tenantId, SecretVault vault) {
        int resealed = 0;
        int left = 0;
        for (SealedSecrets store : stores) {
            try {
                for (int batch = 0; batch < properties.maxBatches(); batch++) {
                    int count = perTenant.inTransaction(tenantId, () -> store.reencrypt(vault, properties.batchSize()));
                    resealed += count;
                    meters.counter("trellis.secrets.reencrypted", "store", store.name())
                            .increment(count);
                    if (count < properties.batchSize()) {
                        break;
                    }
                }
            } catch (RuntimeException e) {
                // Messages name key ids and formats, never a secret.
                meters.counter("trellis.secrets.reencryption.failures", "store", store.name())
                        .increment();
                log.error("Re-encrypting {} of tenant {} failed: {}", store.name(), tenantId, e.getMessage());
            }
            left += perTenant.inTransaction(tenantId, () -> store.pending(vault));
        }
        return new Result(resealed, left);
    }

    private String primaryId() {
        String prefix = vault.primaryPrefix();
        return prefix.substring(3, prefix.length() - 1);
    }

    /** Secrets re-sealed, and secrets still not under the primary key afterwards. */
    record Result(int resealed, int pending) {}
}
