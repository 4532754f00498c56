package org.trellis.api.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;

/** How often each value of an enum came up over a property's examples, so that none goes untested. */
final class Coverage<E extends Enum<E>> {

    private final Class<E> type;
    private final Map<E, Integer> counts;
    private int total;

    Coverage(Class<E> type) {
        this.type = type;
        this.counts = new EnumMap<>(type);
    }

    void count(E value) {
        counts.merge(value, 1, Integer::sum);
        total++;
    }

    /** Every value came up in at least one example in a hundred. */
    void assertEveryValueInOnePercent() {
        for (E value : type.getEnumConstants()) {
            int count = counts.getOrDefault(value, 0);
            assertThat(100 * count)
                    .as("%s in %d of %d examples", value, count, total)
                    .isGreaterThanOrEqualTo(total);
        }
    }
}
