package org.trellis.api.readiness;

import static java.time.temporal.ChronoUnit.DAYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.trellis.api.readiness.ReadinessGenerators.EXAMPLES;
import static org.trellis.api.readiness.ReadinessGenerators.TODAY;
import static org.trellis.api.readiness.ReadinessGenerators.cells;
import static org.trellis.api.readiness.ReadinessGenerators.items;
import static org.trellis.api.readiness.ReadinessGenerators.kinds;
import static org.trellis.api.readiness.ReadinessGenerators.withItems;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.trellis.api.readiness.ReadinessEngine.CellResult;
import org.trellis.api.readiness.ReadinessEngine.Item;
import org.trellis.api.readiness.ReadinessEngine.Status;

/** Invariants of one competency's result, over rules within the database's limits. */
class ReadinessEngineProperties {

    /** From worst to best; {@link #rank} puts NOT_ASSESSED and GAP alike, as nothing counts towards either. */
    private static final List<Status> ASCENDING = List.of(Status.NOT_ASSESSED, Status.GAP, Status.PARTIAL, Status.MET);

    @Test
    void theSameInputGivesTheSameResultWhateverTheOrderOfTheItems() {
        qt().withExamples(EXAMPLES).forAll(cells(), longs().all()).checkAssert((cell, seed) -> {
            CellResult result = ReadinessEngine.cell(cell, TODAY);
            assertThat(ReadinessEngine.cell(cell, TODAY)).isEqualTo(result);
            List<Item> shuffled = new ArrayList<>(cell.endorsed());
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(ReadinessEngine.cell(withItems(cell, shuffled), TODAY)).isEqualTo(result);
        });
    }

    @Test
    void exactlyTheEndorsedItemsWithinTheWindowCountNewestFirst() {
        qt().withExamples(EXAMPLES).forAll(cells()).checkAssert(cell -> {
            CellResult result = ReadinessEngine.cell(cell, TODAY);
            Map<UUID, Item> byId =
                    cell.endorsed().stream().collect(Collectors.toMap(Item::evidenceId, Function.identity()));
            LocalDate windowStart = TODAY.minusMonths(cell.rule().recencyMonths());
            assertThat(byId.keySet()).containsAll(result.counted());
            List<LocalDate> countedDays = result.counted().stream()
                    .map(id -> byId.get(id).occurredOn())
                    .toList();
            assertThat(countedDays).allMatch(day -> day.isAfter(windowStart) && !day.isAfter(TODAY));
            assertThat(countedDays).isSortedAccordingTo(Comparator.<LocalDate>reverseOrder());
            long inWindow = cell.endorsed().stream()
                    .filter(item -> item.occurredOn().isAfter(windowStart)
                            && !item.occurredOn().isAfter(TODAY))
                    .count();
            assertThat(result.counted()).doesNotHaveDuplicates().hasSize((int) inWindow);
        });
    }

    @Test
    void aCompetencyIsMetExactlyWhenNothingIsUnmet() {
        Coverage<Status> statuses = new Coverage<>(Status.class);
        qt().withExamples(EXAMPLES).forAll(cells()).checkAssert(cell -> {
            CellResult result = ReadinessEngine.cell(cell, TODAY);
            assertThat(result.status() == Status.MET).isEqualTo(result.unmet().isEmpty());
            statuses.count(result.status());
        });
        statuses.assertEveryValueInOnePercent();
    }

    @Test
    void anEndorsedItemWithinTheWindowNeverLowersTheStatusAndMakesItAtLeastPartial() {
        qt().withExamples(EXAMPLES)
                .forAll(cells(), kinds(), integers().all())
                .checkAssert((cell, kind, dayInWindow) -> {
                    LocalDate windowStart = TODAY.minusMonths(cell.rule().recencyMonths());
                    LocalDate day =
                            windowStart.plusDays(1 + Math.floorMod(dayInWindow, DAYS.between(windowStart, TODAY)));
                    List<Item> more = new ArrayList<>(cell.endorsed());
                    more.add(new Item(new UUID(3, -1), kind, day));
                    Status before = ReadinessEngine.cell(cell, TODAY).status();
                    Status after =
                            ReadinessEngine.cell(withItems(cell, more), TODAY).status();
                    assertThat(rank(after)).as("%s became %s", before, after).isGreaterThanOrEqualTo(rank(before));
                    assertThat(after).isIn(Status.PARTIAL, Status.MET);
                });
    }

    @Test
    void anyEndorsedItemNeverLowersTheStatusEvenFromGapToNotAssessed() {
        qt().withExamples(EXAMPLES).forAll(cells(), items()).checkAssert((cell, item) -> {
            List<Item> more = new ArrayList<>(cell.endorsed());
            more.add(item);
            Status before = ReadinessEngine.cell(cell, TODAY).status();
            Status after = ReadinessEngine.cell(withItems(cell, more), TODAY).status();
            assertThat(ASCENDING.indexOf(after))
                    .as("%s became %s", before, after)
                    .isGreaterThanOrEqualTo(ASCENDING.indexOf(before));
        });
    }

    @Test
    void kindsAreSuggestedOnlyWhenShortAndNeverOnesAlreadyShown() {
        qt().withExamples(EXAMPLES).forAll(cells()).checkAssert(cell -> {
            CellResult result = ReadinessEngine.cell(cell, TODAY);
            Set<String> shown = cell.endorsed().stream()
                    .filter(item -> result.counted().contains(item.evidenceId()))
                    .map(Item::kind)
                    .collect(Collectors.toSet());
            List<String> expected = shown.size() >= cell.rule().minDistinctKinds()
                    ? List.of()
                    : cell.suggestedKinds().stream()
                            .distinct()
                            .filter(kind -> !shown.contains(kind))
                            .toList();
            assertThat(result.missingKinds()).isEqualTo(expected);
        });
    }

    /** Checked on every example; the days themselves where something counts, which must be one example in six. */
    @Test
    void itChangesAfterTodayOnTheDayTheOldestCountedItemLeavesTheWindow() {
        AtomicInteger changing = new AtomicInteger();
        qt().withExamples(EXAMPLES).forAll(cells()).checkAssert(cell -> {
            CellResult result = ReadinessEngine.cell(cell, TODAY);
            assertThat(result.changesOn() == null).isEqualTo(result.counted().isEmpty());
            if (result.changesOn() == null) {
                return;
            }
            changing.incrementAndGet();
            LocalDate changesOn = result.changesOn();
            assertThat(changesOn).isAfter(TODAY);
            UUID oldest = result.counted().getLast();
            assertThat(ReadinessEngine.cell(cell, changesOn.minusDays(1)).counted())
                    .containsAll(result.counted());
            assertThat(ReadinessEngine.cell(cell, changesOn).counted()).doesNotContain(oldest);
        });
        assertThat(changing.get()).as("examples where something counts").isGreaterThanOrEqualTo(EXAMPLES / 6);
    }

    private static int rank(Status status) {
        return status == Status.NOT_ASSESSED ? 0 : ASCENDING.indexOf(status) - 1;
    }
}
