package org.trellis.api.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.trellis.api.readiness.ReadinessGenerators.EXAMPLES;
import static org.trellis.api.readiness.ReadinessGenerators.TODAY;
import static org.trellis.api.readiness.ReadinessGenerators.cellLists;
import static org.trellis.api.readiness.ReadinessGenerators.policies;
import static org.trellis.api.readiness.ReadinessGenerators.withItems;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.trellis.api.readiness.ReadinessEngine.CellInput;
import org.trellis.api.readiness.ReadinessEngine.CellResult;
import org.trellis.api.readiness.ReadinessEngine.Item;
import org.trellis.api.readiness.ReadinessEngine.Policy;
import org.trellis.api.readiness.ReadinessEngine.Result;
import org.trellis.api.readiness.ReadinessEngine.Rule;
import org.trellis.api.readiness.ReadinessEngine.Status;
import org.trellis.api.readiness.ReadinessEngine.Verdict;

/** Invariants of the overall verdict and score, over policies within the database's limits. */
class ReadinessEngineVerdictProperties {

    @Test
    void theSameInputGivesTheSameResultWhateverTheOrderOfTheItems() {
        qt().withExamples(EXAMPLES)
                .forAll(cellLists(), policies(), longs().all())
                .checkAssert((cells, policy, seed) -> {
                    Random random = new Random(seed);
                    List<CellInput> shuffled = cells.stream()
                            .map(cell -> {
                                List<Item> items = new ArrayList<>(cell.endorsed());
                                Collections.shuffle(items, random);
                                return withItems(cell, items);
                            })
                            .toList();
                    LocalDate readySince = TODAY.minusMonths(2);
                    Result result = ReadinessEngine.evaluate(cells, policy, readySince, TODAY);
                    assertThat(ReadinessEngine.evaluate(cells, policy, readySince, TODAY))
                            .isEqualTo(result);
                    assertThat(ReadinessEngine.evaluate(shuffled, policy, readySince, TODAY))
                            .isEqualTo(result);
                });
    }

    @Test
    void theScoreIsAPercentageAndReadyNeedsEveryRequiredCompetencyMet() {
        Coverage<Verdict> verdicts = new Coverage<>(Verdict.class);
        qt().withExamples(EXAMPLES).forAll(cellLists(), policies()).checkAssert((cells, policy) -> {
            Result result = ReadinessEngine.evaluate(cells, policy, sustained(policy), TODAY);
            assertThat(result.score()).isBetween(0, 100);
            assertThat(result.cells()).extracting(CellResult::competencyId).containsExactlyElementsOf(ids(cells));
            if (result.verdict() == Verdict.READY || result.readyToday()) {
                assertThat(result.cells())
                        .filteredOn(CellResult::required)
                        .allMatch(cell -> cell.status() == Status.MET);
            }
            if (result.readyToday()) {
                assertThat(result.verdict()).isNotEqualTo(Verdict.NOT_YET);
            }
            verdicts.count(result.verdict());
        });
        verdicts.assertEveryValueInOnePercent();
    }

    @Test
    void readinessThatMustBeSustainedIsNeverReadyBeforeItsMonths() {
        qt().withExamples(EXAMPLES)
                .forAll(cellLists(), policies(), integers().all())
                .checkAssert((cells, policy, daysAgo) -> {
                    LocalDate readySince = TODAY.minusDays(Math.floorMod(daysAgo, 800));
                    Result result = ReadinessEngine.evaluate(cells, policy, readySince, TODAY);
                    Result unsustained = ReadinessEngine.evaluate(cells, policy, null, TODAY);
                    boolean heldLongEnough =
                            !readySince.plusMonths(policy.sustainMonths()).isAfter(TODAY);
                    assertThat(result.verdict() == Verdict.READY).isEqualTo(result.readyToday() && heldLongEnough);
                    assertThat(unsustained.verdict() == Verdict.READY)
                            .isEqualTo(unsustained.readyToday() && policy.sustainMonths() == 0);
                });
    }

    /** Where something is met, which must be one example in six. */
    @Test
    void replacingAMetCompetencyByAGapNeverImprovesTheVerdictOrScore() {
        AtomicInteger withMet = new AtomicInteger();
        qt().withExamples(EXAMPLES)
                .forAll(cellLists(), policies(), integers().all())
                .checkAssert((cells, policy, pick) -> {
                    Result before = ReadinessEngine.evaluate(cells, policy, sustained(policy), TODAY);
                    List<Integer> met = IntStream.range(0, cells.size())
                            .filter(i -> before.cells().get(i).status() == Status.MET)
                            .boxed()
                            .toList();
                    if (met.isEmpty()) {
                        return;
                    }
                    withMet.incrementAndGet();
                    int index = met.get(Math.floorMod(pick, met.size()));
                    Rule rule = new Rule(1, 12, 0, cells.get(index).rule().required());
                    Item old = new Item(new UUID(2, index), "OTHER", TODAY.minusYears(15));
                    List<CellInput> worse = new ArrayList<>(cells);
                    worse.set(
                            index, new CellInput(new UUID(2, index), "gap", rule, List.of(old), null, null, List.of()));
                    Result after = ReadinessEngine.evaluate(worse, policy, sustained(policy), TODAY);
                    assertThat(after.cells().get(index).status()).isEqualTo(Status.GAP);
                    assertThat(after.verdict().ordinal())
                            .isGreaterThanOrEqualTo(before.verdict().ordinal());
                    assertThat(after.score()).isLessThan(before.score());
                });
        assertThat(withMet.get()).as("examples where something is met").isGreaterThanOrEqualTo(EXAMPLES / 6);
    }

    /** A start date by which readiness has held for the policy's months. */
    private static LocalDate sustained(Policy policy) {
        return TODAY.minusMonths(policy.sustainMonths());
    }

    private static List<UUID> ids(List<CellInput> cells) {
        return cells.stream().map(CellInput::competencyId).toList();
    }
}
