package org.trellis.api.housekeeping;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Housekeeping settings ({@code trellis.housekeeping.*}).
 *
 * @param interval pause between the end of one run and the start of the next (runs of background jobs: purges and
 *     secret re-encryption)
 * @param initialDelay pause after startup before the first run
 * @param batchSize rows one transaction deletes (or re-seals) at most
 * @param maxBatches batches per tenant and purge in one run; what is left waits for the next run
 * @param retention how long each kind of row is kept
 */
@ConfigurationProperties("trellis.housekeeping")
public record HousekeepingProperties(
        @DefaultValue("15m") Duration interval,
        @DefaultValue("2m") Duration initialDelay,
        @DefaultValue("500") int batchSize,
        @DefaultValue("20") int maxBatches,
        @DefaultValue Retention retention) {

    /** Replayed webhook deliveries older than this are no longer recognised as duplicates by their id alone. */
    static final Duration MIN_DELIVERY_RETENTION = Duration.ofDays(7);

    /** Outbound webhooks retry an event for up to 72 hours; outbox rows must outlive that. */
    static final Duration MIN_OUTBOX_RETENTION = Duration.ofHours(96);

    public HousekeepingProperties {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalStateException("trellis.housekeeping.batch-size must be 1 to 10000.");
        }
        if (maxBatches < 1) {
            throw new IllegalStateException("trellis.housekeeping.max-batches must be at least 1.");
        }
        if (retention.webhookDeliveries().compareTo(MIN_DELIVERY_RETENTION) < 0) {
            throw new IllegalStateException("trellis.housekeeping.retention.webhook-deliveries must be at least 7d.");
        }
        if (retention.outboxEvents().compareTo(MIN_OUTBOX_RETENTION) < 0) {
            throw new IllegalStateException("trellis.housekeeping.retention.outbox-events must be at least 96h "
                    + "(outbound webhooks retry for 72h).");
        }
        if (retention.dismissedUnmatchedEvents().isNegative()) {
            throw new IllegalStateException("trellis.housekeeping.retention.* must not be negative.");
        }
    }

    /**
     * How long rows are kept.
     *
     * @param webhookDeliveries inbound webhook delivery ids (replay protection), from their receipt
     * @param dismissedUnmatchedEvents unmatched webhook events an admin dismissed, from their dismissal
     * @param outboxEvents domain events in the outbox, from when they occurred
     */
    public record Retention(
            @DefaultValue("30d") Duration webhookDeliveries,
            @DefaultValue("90d") Duration dismissedUnmatchedEvents,
            @DefaultValue("7d") Duration outboxEvents) {}
}
