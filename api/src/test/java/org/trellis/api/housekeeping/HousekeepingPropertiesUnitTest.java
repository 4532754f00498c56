package org.trellis.api.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class HousekeepingPropertiesUnitTest {

    @Test
    void defaultsKeepDeliveriesBeyondProviderRedeliveryAndOutboxBeyondTheRetryWindow() {
        HousekeepingProperties properties = bind(Map.of("trellis.housekeeping.batch-size", "500"));
        assertThat(properties.interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(properties.batchSize()).isEqualTo(500);
        assertThat(properties.maxBatches()).isEqualTo(20);
        assertThat(properties.retention().webhookDeliveries()).isEqualTo(Duration.ofDays(30));
        assertThat(properties.retention().dismissedUnmatchedEvents()).isEqualTo(Duration.ofDays(90));
        assertThat(properties.retention().outboxEvents())
                .isEqualTo(Duration.ofDays(7))
                .isGreaterThan(Duration.ofHours(72));
    }

    @Test
    void refusesRetentionsShorterThanWhatOthersRelyOn() {
        assertThatThrownBy(() -> bind(Map.of("trellis.housekeeping.retention.webhook-deliveries", "6d")))
                .hasStackTraceContaining("webhook-deliveries must be at least 7d");
        assertThatThrownBy(() -> bind(Map.of("trellis.housekeeping.retention.outbox-events", "72h")))
                .hasStackTraceContaining("outbox-events must be at least 96h");
        assertThatThrownBy(() -> bind(Map.of("trellis.housekeeping.batch-size", "0")))
                .hasStackTraceContaining("batch-size must be 1 to 10000");
    }

    private static HousekeepingProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("trellis.housekeeping", HousekeepingProperties.class);
    }
}
