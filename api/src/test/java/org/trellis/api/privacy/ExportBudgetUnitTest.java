package org.trellis.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExportBudgetUnitTest {

    @Test
    void takesRowsUntilOneDoesNotFitThenRefusesEveryLaterRow() {
        ExportBudget budget = new ExportBudget(10);

        assertThat(budget.take(4)).isTrue();
        assertThat(budget.take(6)).as("exactly the rest fits").isTrue();
        assertThat(budget.take(1)).isFalse();
        assertThat(budget.take(0)).as("once cut, later sections are cut too").isFalse();
    }

    @Test
    void aRowLargerThanWhatIsLeftIsLeftOutAndEndsTheExport() {
        ExportBudget budget = new ExportBudget(10);

        assertThat(budget.take(11)).isFalse();
        assertThat(budget.take(1)).isFalse();
    }
}
