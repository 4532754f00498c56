package org.trellis.api.notifications;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The relay's meters: {@code trellis.outbox.backlog} (pending deliveries across tenants) and {@code
 * trellis.outbox.oldest.age} (seconds the oldest pending delivery has waited since it was queued), both read from
 * {@code outbound_due} after every relay pass; and {@code trellis.webhooks.outbound.deliveries} by outcome.
 */
@Component
class RelayMetrics {

    /** The result of one recorded attempt, as the counter's {@code outcome} tag. */
    enum Outcome {
        DELIVERED,
        RETRYING,
        GAVE_UP
    }

    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestQueuedAt = new AtomicLong(Long.MIN_VALUE);
    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);

    RelayMetrics(MeterRegistry registry) {
        Gauge.builder("trellis.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbound webhook deliveries pending across tenants")
                .register(registry);
        Gauge.builder("trellis.outbox.oldest.age", this, RelayMetrics::oldestAgeSeconds)
                .description("Seconds the oldest pending outbound webhook delivery has waited")
                .baseUnit("seconds")
                .register(registry);
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(
                    outcome,
                    Counter.builder("trellis.webhooks.outbound.deliveries")
                            .description("Outbound webhook attempts by outcome")
                            .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                            .register(registry));
        }
    }

    void counted(Outcome outcome) {
        outcomes.get(outcome).increment();
    }

    void backlog(DueTenants.Backlog current) {
        backlog.set(current.pending());
        oldestQueuedAt.set(
                current.oldestAt() == null ? Long.MIN_VALUE : current.oldestAt().toEpochMilli());
    }

    private double oldestAgeSeconds() {
        long queued = oldestQueuedAt.get();
        return queued == Long.MIN_VALUE
                ? 0
                : Math.max(
                        0,
                        Duration.between(Instant.ofEpochMilli(queued), Instant.now())
                                        .toMillis()
                                / 1000.0);
    }
}
