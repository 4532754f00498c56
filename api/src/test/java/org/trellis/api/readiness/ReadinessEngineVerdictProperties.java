package org.trellis.api.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trellis.api.readiness.ReadinessArbitraries.TODAY;
import static org.trellis.api.readiness.ReadinessArbitraries.withItems;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
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

    @Property
    void theSameInputGivesTheSameResultWhateverTheOrderOfTheItems(
            @ForAll("cellLists") List<CellInput> cells, @ForAll("policies") Policy policy, @ForAll long seed) {
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
        assertThat(ReadinessEngine.evaluate(cells, policy, readySince, TODAY)).isEqualTo(result);
        assertThat(ReadinessEngine.evaluate(shuffled, policy, readySince, TODAY))
                .isEqualTo(result);
    }

    @Property
    void theScoreIsAPercentageAndReadyNeedsEveryRequiredCompetencyMet(
            @ForAll("cellLists") List<CellInput> cells, @ForAll("policies") Policy policy) {
        Result result = ReadinessEngine.evaluate(cells, policy, sustained(policy), TODAY);
        assertThat(result.score()).isBetween(0, 100);
        assertThat(result.cells()).extracting(CellResult::competencyId).containsExactlyElementsOf(ids(cells));
        if (result.verdict() == Verdict.READY || result.readyToday()) {
            assertThat(result.cells()).filteredOn(CellResult::required).allMatch(cell -> cell.status() == Status.MET);
        }
        if (result.readyToday()) {
            assertThat(result.verdict()).isNotEqualTo(Verdict.NOT_YET);
        }
        Statistics.collect(result.verdict());
        Statistics.coverage(coverage -> {
            for (Verdict verdict : Verdict.values()) {
                coverage.check(verdict).percentage(percent -> percent >= 1);
            }
        });
    }

    @Property
    void readinessThatMustBeSustainedIsNeverReadyBeforeItsMonths(
            @ForAll("cellLists") List<CellInput> cells, @ForAll("policies") Policy policy, @ForAll int daysAgo) {
        LocalDate readySince = TODAY.minusDays(Math.floorMod(daysAgo, 800));
        Result result = ReadinessEngine.evaluate(cells, policy, readySince, TODAY);
        Result unsustained = ReadinessEngine.evaluate(cells, policy, null, TODAY);
        boolean heldLongEnough = !readySince.plusMonths(policy.sustainMonths()).isAfter(TODAY);
        assertThat(result.verdict() == Verdict.READY).isEqualTo(result.readyToday() && heldLongEnough);
        assertThat(unsustained.verdict() == Verdict.READY)
                .isEqualTo(unsustained.readyToday() && policy.sustainMonths() == 0);
    }

    @Property
    void replacingAMetCompetencyByAGapNeverImprovesTheVerdictOrScore(
            @ForAll("cellLists") List<CellInput> cells, @ForAll("policies") Policy policy, @ForAll int pick) {
        Result before = ReadinessEngine.evaluate(cells, policy, sustained(policy), TODAY);
        List<Integer> met = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (before.cells().get(i).status() == Status.MET) {
                met.add(i);
            }
        }
        Assume.that(!met.isEmpty());
        int index = met.get(Math.floorMod(pick, met.size()));
        Rule rule = new Rule(1, 12, 0, cells.get(index).rule().required());
        Item old = new Item(new UUID(2, index), "OTHER", TODAY.minusYears(15));
        List<CellInput> worse = new ArrayList<>(cells);
        worse.set(index, new CellInput(new UUID(2, index), "gap", rule, List.of(old), null, null, List.of()));
        Result after = ReadinessEngine.evaluate(worse, policy, sustained(policy), TODAY);
        assertThat(after.cells().get(index).status()).isEqualTo(Status.GAP);
        assertThat(after.verdict().ordinal())
                .isGreaterThanOrEqualTo(before.verdict().ordinal());
        assertThat(after.score()).isLessThan(before.score());
        Statistics.collect(before.verdict(), after.verdict());
    }

    @Provide
    Arbitrary<List<CellInput>> cellLists() {
        return ReadinessArbitraries.cellLists();
    }

    @Provide
    Arbitrary<Policy> policies() {
        return ReadinessArbitraries.policies();
    }

    /** A start date by which readiness has held for the policy's months. */
    private static LocalDate sustained(Policy policy) {
        return TODAY.minusMonths(policy.sustainMonths());
    }

    private static List<UUID> ids(List<CellInput> cells) {
        return cells.stream().map(CellInput::competencyId).toList();
    }
}
