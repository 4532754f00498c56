package org.trellis.api.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.trellis.api.readiness.ReadinessEngine.Item;

/** A rollup cell's arrays, read joined by commas, split back into items in order. */
class CellItemsUnitTest {

    @Test
    void splitsTheJoinedArraysIntoItemsInTheirOrder() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();

        assertThat(CellItems.parse(
                        first + "," + second + "," + third,
                        "CODE_REVIEW,DESIGN_DOC,CODE_REVIEW",
                        "2024-02-29,2000-01-01,2026-12-31"))
                .containsExactly(
                        new Item(first, "CODE_REVIEW", LocalDate.of(2024, 2, 29)),
                        new Item(second, "DESIGN_DOC", LocalDate.of(2000, 1, 1)),
                        new Item(third, "CODE_REVIEW", LocalDate.of(2026, 12, 31)));
    }

    @Test
    void readsOneItemAndAnEmptyCell() {
        UUID only = UUID.randomUUID();

        assertThat(CellItems.parse(only.toString(), "MENTORING", "2025-07-04"))
                .containsExactly(new Item(only, "MENTORING", LocalDate.of(2025, 7, 4)));
        assertThat(CellItems.parse("", "", "")).isEmpty();
    }

    @Test
    void aDateOfAnotherShapeIsParsedAsIso() {
        UUID far = UUID.randomUUID();

        assertThat(CellItems.parse(far.toString(), "INCIDENT_RESPONSE", "+10000-01-01"))
                .containsExactly(new Item(far, "INCIDENT_RESPONSE", LocalDate.of(10000, 1, 1)));
    }
}
