package org.trellis.api.mentoring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mentoring settings ({@code trellis.mentoring.*}).
 *
 * @param defaultCapacity active mentees a person takes when they (or their manager) have not said otherwise
 * @param defaultResponseWindow how long a mentor has to answer a proposal when the proposer gives no deadline
 * @param maxResponseWindow the latest deadline a proposal may set
 */
@ConfigurationProperties("trellis.mentoring")
record MentoringProperties(
        @DefaultValue("2") int defaultCapacity,
        @DefaultValue("14d") Duration defaultResponseWindow,
        @DefaultValue("60d") Duration maxResponseWindow) {

    MentoringProperties {
        if (defaultCapacity < 0 || defaultCapacity > 20) {
            throw new IllegalArgumentException("trellis.mentoring.default-capacity must be between 0 and 20.");
        }
        if (defaultResponseWindow.isNegative()
                || defaultResponseWindow.isZero()
                || defaultResponseWindow.compareTo(maxResponseWindow) > 0) {
            throw new IllegalArgumentException(
                    "trellis.mentoring.default-response-window must be positive and at most max-response-window.");
        }
    }
}
