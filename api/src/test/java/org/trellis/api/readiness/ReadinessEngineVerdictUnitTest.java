package org.trellis.api.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.trellis.api.readiness.ReadinessEngine.CellInput;
import org.trellis.api.readiness.ReadinessEngine.CellResult;
import org.trellis.api.readiness.ReadinessEngine.Item;
import org.trellis.api.readiness.ReadinessEngine.Policy;
import org.trellis.api.readiness.ReadinessEngine.Result;
import org.trellis.api.readiness.ReadinessEngine.Rule;
import org.trellis.api.readiness.ReadinessEngine.Status;
import org.trellis.api.readiness.ReadinessEngine.Verdict;

/** The overall verdict and score over every competency, by the version's readiness policy. */
class ReadinessEngineVerdictUnitTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    @Test
    void fourOfFiveCompetenciesMetIsReadyByTheDefaultPolicy() {
        Result result = evaluate(Policy.DEFAULT, null, met(true), met(true), met(false), met(false), gap(false));
        assertThat(result.verdict()).isEqualTo(Verdict.READY);
        assertThat(result.score()).isEqualTo(80);
        assertThat(result.readyToday()).isTrue();
        assertThat(result.cells())
                .extracting(CellResult::status)
                .containsExactly(Status.MET, Status.MET, Status.MET, Status.MET, Status.GAP);
    }

    @Test
    void fewerThanTheShareMetButAScoreAtTheNearlyThresholdIsNearly() {
        Result result = evaluate(Policy.DEFAULT, null, met(false), met(false), met(false), gap(false), gap(false));
        assertThat(result.score()).isEqualTo(60);
        assertThat(result.readyToday()).isFalse();
        assertThat(result.verdict()).isEqualTo(Verdict.NEARLY);
        Result stricter =
                evaluate(new Policy(80, 61, 0), null, met(false), met(false), met(false), gap(false), gap(false));
        assertThat(stricter.verdict()).isEqualTo(Verdict.NOT_YET);
    }

    @Test
    void aPartialCompetencyCountsHalfAndTheScoreIsRoundedDown() {
        assertThat(evaluate(Policy.DEFAULT, null, met(false), gap(false), gap(false))
                        .score())
                .isEqualTo(33);
        assertThat(evaluate(Policy.DEFAULT, null, partial(false), gap(false), gap(false))
                        .score())
                .isEqualTo(16);
        assertThat(evaluate(Policy.DEFAULT, null, met(false), met(false), partial(false))
                        .score())
                .isEqualTo(83);
        assertThat(evaluate(Policy.DEFAULT, null, partial(false), notAssessed(false))
                        .score())
                .isEqualTo(25);
    }

    @Test
    void threeMetAndTwoPartialOfFiveIsNearlyNotReady() {
        Result result =
                evaluate(Policy.DEFAULT, null, met(false), met(false), met(false), partial(false), partial(false));
        assertThat(result.score()).isEqualTo(80);
        assertThat(result.readyToday()).isFalse();
        assertThat(result.verdict()).isEqualTo(Verdict.NEARLY);
    }

    @Test
    void aRequiredCompetencyOnlyPartialBlocksReadyButNotNearly() {
        List<CellInput> cells = new ArrayList<>(Collections.nCopies(9, met(false)));
        cells.add(partial(true));
        Result result = ReadinessEngine.evaluate(cells, Policy.DEFAULT, null, TODAY);
        assertThat(result.score()).isEqualTo(95);
        assertThat(result.readyToday()).isFalse();
        assertThat(result.verdict()).isEqualTo(Verdict.NEARLY);
    }

    @Test
    void aRequiredCompetencyWithAGapBlocksEvenNearly() {
        List<CellInput> cells = new ArrayList<>(Collections.nCopies(9, met(false)));
        cells.add(gap(true));
        Result result = ReadinessEngine.evaluate(cells, Policy.DEFAULT, null, TODAY);
        assertThat(result.score()).isEqualTo(90);
        assertThat(result.verdict()).isEqualTo(Verdict.NOT_YET);
        cells.set(9, notAssessed(true));
        assertThat(ReadinessEngine.evaluate(cells, Policy.DEFAULT, null, TODAY).verdict())
                .isEqualTo(Verdict.NOT_YET);
    }

    @Test
    void noCompetenciesIsNotYetWithScoreZero() {
        Result result = ReadinessEngine.evaluate(List.of(), Policy.DEFAULT, null, TODAY);
        assertThat(result.verdict()).isEqualTo(Verdict.NOT_YET);
        assertThat(result.score()).isZero();
        assertThat(result.readyToday()).isFalse();
        assertThat(result.cells()).isEmpty();
        Result lenient = ReadinessEngine.evaluate(List.of(), new Policy(1, 0, 0), null, TODAY);
        assertThat(lenient.verdict()).isEqualTo(Verdict.NOT_YET);
    }

    @Test
    void readinessThatMustBeSustainedIsOnlyNearlyWithoutAStartDate() {
        Result result = evaluate(new Policy(80, 60, 3), null, met(true), met(false));
        assertThat(result.readyToday()).isTrue();
        assertThat(result.verdict()).isEqualTo(Verdict.NEARLY);
    }

    @Test
    void readinessThatMustBeSustainedIsNearlyUntilItHasHeldForTheMonths() {
        Policy policy = new Policy(80, 60, 3);
        assertThat(evaluate(policy, TODAY, met(true)).verdict()).isEqualTo(Verdict.NEARLY);
        assertThat(evaluate(policy, LocalDate.of(2025, 3, 16), met(true)).verdict())
                .isEqualTo(Verdict.NEARLY);
        assertThat(evaluate(policy, LocalDate.of(2025, 3, 15), met(true)).verdict())
                .isEqualTo(Verdict.READY);
        assertThat(evaluate(policy, LocalDate.of(2023, 1, 1), met(true)).verdict())
                .isEqualTo(Verdict.READY);
    }

    @Test
    void aSustainedStartDateDoesNotMakeReadyWhatIsNotReadyToday() {
        Result result = evaluate(new Policy(80, 60, 3), LocalDate.of(2023, 1, 1), met(false), gap(false));
        assertThat(result.readyToday()).isFalse();
        assertThat(result.verdict()).isEqualTo(Verdict.NOT_YET);
    }

    @Test
    void withoutASustainPolicyTheStartDateIsIgnored() {
        assertThat(evaluate(Policy.DEFAULT, null, met(true)).verdict()).isEqualTo(Verdict.READY);
        assertThat(evaluate(Policy.DEFAULT, TODAY, met(true)).verdict()).isEqualTo(Verdict.READY);
    }

    private static Result evaluate(Policy policy, @Nullable LocalDate readySince, CellInput... cells) {
        return ReadinessEngine.evaluate(List.of(cells), policy, readySince, TODAY);
    }

    private static CellInput met(boolean required) {
        return cell(new Rule(1, 12, 0, required), TODAY.minusMonths(1));
    }

    private static CellInput partial(boolean required) {
        return cell(new Rule(2, 12, 0, required), TODAY.minusMonths(1));
    }

    private static CellInput gap(boolean required) {
        return cell(new Rule(1, 12, 0, required), TODAY.minusYears(3));
    }

    private static CellInput notAssessed(boolean required) {
        return new CellInput(UUID.randomUUID(), "k", new Rule(1, 12, 0, required), List.of(), null, null, List.of());
    }

    private static CellInput cell(Rule rule, LocalDate occurredOn) {
        Item item = new Item(UUID.randomUUID(), "CODE_REVIEW", occurredOn);
        return new CellInput(UUID.randomUUID(), "k", rule, List.of(item), null, null, List.of());
    }
}
