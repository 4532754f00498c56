package org.trellis.api.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trellis.api.readiness.ReadinessEngine.CellInput;
import org.trellis.api.readiness.ReadinessEngine.CellResult;
import org.trellis.api.readiness.ReadinessEngine.Item;
import org.trellis.api.readiness.ReadinessEngine.Rating;
import org.trellis.api.readiness.ReadinessEngine.Rule;
import org.trellis.api.readiness.ReadinessEngine.Status;

/** One competency: which endorsed evidence counts, the status it earns, what is still unmet, and when it changes. */
class ReadinessEngineUnitTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    private static final String REVIEW = "CODE_REVIEW";
    private static final String DESIGN = "DESIGN_DOC";
    private static final String MENTORING = "MENTORING";

    @Test
    void aCompetencyWithEnoughRecentEndorsedItemsOfEnoughKindsIsMet() {
        Item older = item(REVIEW, TODAY.minusMonths(2));
        Item newer = item(DESIGN, TODAY.minusMonths(1));
        CellResult result = cell(new Rule(2, 12, 2, true), List.of(older, newer), null, null);
        assertThat(result.status()).isEqualTo(Status.MET);
        assertThat(result.unmet()).isEmpty();
        assertThat(result.counted()).containsExactly(newer.evidenceId(), older.evidenceId());
        assertThat(result.missingKinds()).isEmpty();
        assertThat(result.required()).isTrue();
    }

    @Test
    void anItemExactlyRecencyMonthsBeforeTodayIsOutsideTheWindow() {
        CellResult result =
                cell(new Rule(1, 12, 0, false), List.of(item(REVIEW, LocalDate.of(2024, 6, 15))), null, null);
        assertThat(result.counted()).isEmpty();
        assertThat(result.status()).isEqualTo(Status.GAP);
        assertThat(result.unmet()).containsExactly("needs 1 more endorsed item within 12 months");
        assertThat(result.changesOn()).isNull();
    }

    @Test
    void anItemTheDayAfterTheWindowStartsIsInsideAndTodayIsIncluded() {
        Item first = item(REVIEW, LocalDate.of(2024, 6, 16));
        Item today = item(REVIEW, TODAY);
        CellResult result = cell(new Rule(2, 12, 0, false), List.of(first, today), null, null);
        assertThat(result.counted()).containsExactly(today.evidenceId(), first.evidenceId());
        assertThat(result.status()).isEqualTo(Status.MET);
    }

    @Test
    void futureDatedItemsDoNotCountButShowTheCompetencyWasWorkedOn() {
        CellResult result = cell(new Rule(1, 12, 0, false), List.of(item(REVIEW, TODAY.plusDays(1))), null, null);
        assertThat(result.counted()).isEmpty();
        assertThat(result.status()).isEqualTo(Status.GAP);
        assertThat(result.changesOn()).isNull();
    }

    @Test
    void onlyOldEvidenceIsAGapAndNothingAtAllIsNotAssessed() {
        Rule rule = new Rule(1, 12, 0, false);
        assertThat(cell(rule, List.of(item(REVIEW, TODAY.minusYears(2))), null, null)
                        .status())
                .isEqualTo(Status.GAP);
        CellResult nothing = cell(rule, List.of(), null, null);
        assertThat(nothing.status()).isEqualTo(Status.NOT_ASSESSED);
        assertThat(nothing.unmet()).containsExactly("needs 1 more endorsed item within 12 months");
    }

    @Test
    void enoughItemsOfTooFewKindsIsPartialAndAsksForASecondKind() {
        List<Item> reviews = List.of(item(REVIEW, TODAY.minusMonths(1)), item(REVIEW, TODAY.minusMonths(3)));
        CellResult result = cell(new Rule(2, 12, 2, false), reviews, null, null, List.of(REVIEW, DESIGN, MENTORING));
        assertThat(result.status()).isEqualTo(Status.PARTIAL);
        assertThat(result.unmet()).containsExactly("needs 1 more endorsed item of a second kind within 12 months");
        assertThat(result.missingKinds()).containsExactly(DESIGN, MENTORING);
    }

    @Test
    void tooFewItemsAsksForTheMissingCountAndSuggestsNoKinds() {
        List<Item> one = List.of(item(REVIEW, TODAY.minusMonths(1)));
        CellResult result = cell(new Rule(3, 12, 1, false), one, null, null, List.of(REVIEW, DESIGN));
        assertThat(result.status()).isEqualTo(Status.PARTIAL);
        assertThat(result.unmet()).containsExactly("needs 2 more endorsed items within 12 months");
        assertThat(result.missingKinds()).isEmpty();
    }

    @Test
    void kindsShownOnlyByEvidenceOutsideTheWindowAreStillSuggested() {
        List<Item> items = List.of(item(REVIEW, TODAY.minusMonths(1)), item(DESIGN, TODAY.minusYears(2)));
        CellResult result = cell(new Rule(2, 12, 2, false), items, null, null, List.of(REVIEW, DESIGN, DESIGN));
        assertThat(result.missingKinds()).containsExactly(DESIGN);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1 | 0 | 0 | 1  | needs 1 more endorsed item within 1 month
            2 | 0 | 3 | 12 | needs 2 more endorsed items within 12 months
            1 | 1 | 0 | 12 | needs 1 more endorsed item of a first kind within 12 months
            0 | 1 | 1 | 12 | needs 1 more endorsed item of a second kind within 12 months
            1 | 1 | 2 | 6  | needs 1 more endorsed item of a third kind within 6 months
            0 | 1 | 5 | 24 | needs 1 more endorsed item of a 6th kind within 24 months
            2 | 1 | 1 | 12 | needs 2 more endorsed items, of 1 more kind than shown so far, within 12 months
            0 | 2 | 1 | 1  | needs 2 more endorsed items, of 2 more kinds than shown so far, within 1 month
            3 | 2 | 0 | 12 | needs 3 more endorsed items, of 2 more kinds than shown so far, within 12 months
            """)
    void theShortfallNamesHowManyMoreItemsAndKindsAreNeeded(
            int itemsShort, int kindsShort, int kindsShown, int months, String expected) {
        assertThat(ReadinessEngine.evidenceShortfall(itemsShort, kindsShort, kindsShown, months))
                .isEqualTo(expected);
    }

    @Test
    void aManagerAssessmentBelowTheLevelDemotesSufficientEvidenceToPartial() {
        CellResult result =
                cell(new Rule(1, 12, 0, false), List.of(item(REVIEW, TODAY.minusDays(3))), null, Rating.BELOW);
        assertThat(result.status()).isEqualTo(Status.PARTIAL);
        assertThat(result.unmet()).containsExactly("the manager assessed it below the level");
    }

    @Test
    void aRuleAskingForNoEvidenceIsMetOnlyByAManagerAssessmentOfMeetsOrExceeds() {
        Rule none = new Rule(0, 12, 0, false);
        assertThat(cell(none, List.of(), null, Rating.MEETS).status()).isEqualTo(Status.MET);
        assertThat(cell(none, List.of(), null, Rating.EXCEEDS).status()).isEqualTo(Status.MET);
        CellResult unassessed = cell(none, List.of(), null, null);
        assertThat(unassessed.status()).isEqualTo(Status.NOT_ASSESSED);
        assertThat(unassessed.unmet()).containsExactly("needs a manager assessment of meets or exceeds");
        assertThat(cell(none, List.of(), Rating.EXCEEDS, null).status()).isEqualTo(Status.GAP);
        assertThat(cell(none, List.of(item(REVIEW, TODAY)), null, null).status())
                .isEqualTo(Status.PARTIAL);
        CellResult below = cell(none, List.of(), null, Rating.BELOW);
        assertThat(below.status()).isEqualTo(Status.GAP);
        assertThat(below.unmet())
                .containsExactly(
                        "needs a manager assessment of meets or exceeds", "the manager assessed it below the level");
    }

    @Test
    void aManagerAssessmentOfMeetsDoesNotReplaceEvidenceTheRuleAsksFor() {
        CellResult result = cell(new Rule(2, 12, 0, false), List.of(), null, Rating.EXCEEDS);
        assertThat(result.status()).isEqualTo(Status.PARTIAL);
        assertThat(result.unmet()).containsExactly("needs 2 more endorsed items within 12 months");
    }

    @Test
    void aSelfAssessmentAloneNeverRaisesAStatusButMarksTheCompetencyAsAssessed() {
        Rule rule = new Rule(2, 12, 0, false);
        assertThat(cell(rule, List.of(), Rating.MEETS, null).status()).isEqualTo(Status.GAP);
        assertThat(cell(rule, List.of(), Rating.EXCEEDS, null).status()).isEqualTo(Status.GAP);
        assertThat(cell(rule, List.of(), Rating.BELOW, null).status()).isEqualTo(Status.GAP);
        CellResult enough = cell(rule, List.of(item(REVIEW, TODAY), item(REVIEW, TODAY)), Rating.BELOW, null);
        assertThat(enough.status()).isEqualTo(Status.MET);
    }

    @Test
    void countedEvidenceIsNewestFirstWithTiesByEvidenceId() {
        Item a = new Item(new UUID(0, 2), REVIEW, TODAY.minusDays(5));
        Item b = new Item(new UUID(0, 1), DESIGN, TODAY.minusDays(5));
        Item c = new Item(new UUID(0, 3), MENTORING, TODAY.minusDays(1));
        CellResult result = cell(new Rule(1, 12, 0, false), List.of(a, b, c), null, null);
        assertThat(result.counted()).containsExactly(c.evidenceId(), b.evidenceId(), a.evidenceId());
    }

    @Test
    void itChangesOnTheDayTheOldestCountedItemLeavesTheWindow() {
        Item oldest = item(REVIEW, LocalDate.of(2024, 9, 20));
        Rule rule = new Rule(1, 12, 0, false);
        CellInput input = input(rule, List.of(item(DESIGN, TODAY.minusMonths(2)), oldest), null, null, List.of());
        LocalDate changesOn = ReadinessEngine.cell(input, TODAY).changesOn();
        assertThat(changesOn).isEqualTo(LocalDate.of(2025, 9, 20));
        assertThat(ReadinessEngine.cell(input, changesOn.minusDays(1)).counted())
                .contains(oldest.evidenceId());
        assertThat(ReadinessEngine.cell(input, changesOn).counted()).doesNotContain(oldest.evidenceId());
    }

    @Test
    void anItemOnAMonthsLastDaysLeavesAShorterMonthsWindowOnTheFirstOfTheNextMonth() {
        Item endOfJanuary = item(REVIEW, LocalDate.of(2025, 1, 31));
        CellInput input = input(new Rule(1, 1, 0, false), List.of(endOfJanuary), null, null, List.of());
        LocalDate today = LocalDate.of(2025, 2, 15);
        assertThat(ReadinessEngine.cell(input, today).changesOn()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(ReadinessEngine.cell(input, LocalDate.of(2025, 2, 28)).counted())
                .containsExactly(endOfJanuary.evidenceId());
        assertThat(ReadinessEngine.cell(input, LocalDate.of(2025, 3, 1)).counted())
                .isEmpty();
    }

    private static Item item(String kind, LocalDate occurredOn) {
        return new Item(UUID.randomUUID(), kind, occurredOn);
    }

    private static CellResult cell(Rule rule, List<Item> items, @Nullable Rating self, @Nullable Rating manager) {
        return cell(rule, items, self, manager, List.of());
    }

    private static CellResult cell(
            Rule rule, List<Item> items, @Nullable Rating self, @Nullable Rating manager, List<String> suggested) {
        return ReadinessEngine.cell(input(rule, items, self, manager, suggested), TODAY);
    }

    private static CellInput input(
            Rule rule, List<Item> items, @Nullable Rating self, @Nullable Rating manager, List<String> suggested) {
        return new CellInput(UUID.randomUUID(), "code-review", rule, items, self, manager, suggested);
    }
}
