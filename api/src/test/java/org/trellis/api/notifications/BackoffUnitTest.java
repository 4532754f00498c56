package org.trellis.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Waits double from the first retry up to the maximum, each jittered between half and all of its ceiling. */
class BackoffUnitTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void waitsDoubleUpToTheMaximum() {
        Backoff top = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1), () -> 0.999999);
        assertThat(Duration.between(NOW, top.next(NOW, 1))).isBetween(Duration.ofMillis(9_990), Duration.ofSeconds(10));
        assertThat(Duration.between(NOW, top.next(NOW, 2)))
                .isBetween(Duration.ofMillis(19_990), Duration.ofSeconds(20));
        assertThat(Duration.between(NOW, top.next(NOW, 40))).isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
    }

    @Test
    void jitterNeverWaitsLessThanHalf() {
        Backoff bottom = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1), () -> 0.0);
        assertThat(Duration.between(NOW, bottom.next(NOW, 3))).isEqualTo(Duration.ofSeconds(20));
    }
}
