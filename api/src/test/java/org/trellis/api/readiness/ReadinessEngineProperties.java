package org.trellis.api.readiness;

import static java.time.temporal.ChronoUnit.DAYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.trellis.api.readiness.ReadinessArbitraries.TODAY;
import static org.trellis.api.readiness.ReadinessArbitraries.withItems;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.trellis.api.readiness.ReadinessEngine.CellInput;
import org.trellis.api.readiness.ReadinessEngine.CellResult;
import org.trellis.api.readiness.ReadinessEngine.Item;
import org.trellis.api.readiness.ReadinessEngine.Status;

/** Invariants of one competency's result, over rules within the database's limits. */
class ReadinessEngineProperties {

    /** From worst to best; {@link #rank} puts NOT_ASSESSED and GAP alike, as nothing counts towards either. */
    private static final List<Status> ASCENDING = List.of(Status.NOT_ASSESSED, Status.GAP, Status.PARTIAL, Status.MET);

    @Property
    void theSameInputGivesTheSameResultWhateverTheOrderOfTheItems(@ForAll("cells") CellInput cell, @ForAll long seed) {
        CellResult result = ReadinessEngine.cell(cell, TODAY);
        assertThat(ReadinessEngine.cell(cell, TODAY)).isEqualTo(result);
        List<Item> shuffled = new ArrayList<>(cell.endorsed());
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(ReadinessEngine.cell(withItems(cell, shuffled), TODAY)).isEqualTo(result);
    }

    @Property
    void exactlyTheEndorsedItemsWithinTheWindowCountNewestFirst(@ForAll("cells") CellInput cell) {
        CellResult result = ReadinessEngine.cell(cell, TODAY);
        Map<UUID, Item> byId =
                cell.endorsed().stream().collect(Collectors.toMap(Item::evidenceId, Function.identity()));
        LocalDate windowStart = TODAY.minusMonths(cell.rule().recencyMonths());
        assertThat(byId.keySet()).containsAll(result.counted());
        List<LocalDate> countedDays =
                result.counted().stream().map(id -> byId.get(id).occurredOn()).toList();
        assertThat(countedDays).allMatch(day -> day.isAfter(windowStart) && !day.isAfter(TODAY));
        assertThat(countedDays).isSortedAccordingTo(Comparator.<LocalDate>reverseOrder());
        long inWindow = cell.endorsed().stream()
                .filter(item -> item.occurredOn().isAfter(windowStart)
                        && !item.occurredOn().isAfter(TODAY))
                .count();
        assertThat(result.counted()).doesNotHaveDuplicates().hasSize((int) inWindow);
    }

    @Property
    void aCompetencyIsMetExactlyWhenNothingIsUnmet(@ForAll("cells") CellInput cell) {
        CellResult result = ReadinessEngine.cell(cell, TODAY);
        assertThat(result.status() == Status.MET).isEqualTo(result.unmet().isEmpty());
        Statistics.collect(result.status());
        Statistics.coverage(coverage -> {
            for (Status status : Status.values()) {
                coverage.check(status).percentage(percent -> percent >= 1);
            }
        });
    }

    @Property
    void anEndorsedItemWithinTheWindowNeverLowersTheStatusAndMakesItAtLeastPartial(
            @ForAll("cells") CellInput cell, @ForAll("kinds") String kind, @ForAll int dayInWindow) {
        LocalDate windowStart = TODAY.minusMonths(cell.rule().recencyMonths());
        LocalDate day = windowStart.plusDays(1 + Math.floorMod(dayInWindow, DAYS.between(windowStart, TODAY)));
        List<Item> more = new ArrayList<>(cell.endorsed());
        more.add(new Item(new UUID(3, dayInWindow), kind, day));
        Status before = ReadinessEngine.cell(cell, TODAY).status();
        Status after = ReadinessEngine.cell(withItems(cell, more), TODAY).status();
        assertThat(rank(after)).as("%s became %s", before, after).isGreaterThanOrEqualTo(rank(before));
        assertThat(after).isIn(Status.PARTIAL, Status.MET);
    }

    @Property
    void anyEndorsedItemNeverLowersTheStatusEvenFromGapToNotAssessed(
            @ForAll("cells") CellInput cell, @ForAll("items") Item item) {
        List<Item> more = new ArrayList<>(cell.endorsed());
        more.add(item);
        Status before = ReadinessEngine.cell(cell, TODAY).status();
        Status after = ReadinessEngine.cell(withItems(cell, more), TODAY).status();
        assertThat(ASCENDING.indexOf(after))
                .as("%s became %s", before, after)
                .isGreaterThanOrEqualTo(ASCENDING.indexOf(before));
    }

    @Property
    void kindsAreSuggestedOnlyWhenShortAndNeverOnesAlreadyShown(@ForAll("cells") CellInput cell) {
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
    }

    @Property
    void itChangesAfterTodayOnTheDayTheOldestCountedItemLeavesTheWindow(@ForAll("cells") CellInput cell) {
        CellResult result = ReadinessEngine.cell(cell, TODAY);
        assertThat(result.changesOn() == null).isEqualTo(result.counted().isEmpty());
        Assume.that(result.changesOn() != null);
        LocalDate changesOn = result.changesOn();
        assertThat(changesOn).isAfter(TODAY);
        UUID oldest = result.counted().getLast();
        assertThat(ReadinessEngine.cell(cell, changesOn.minusDays(1)).counted()).containsAll(result.counted());
        assertThat(ReadinessEngine.cell(cell, changesOn).counted()).doesNotContain(oldest);
    }

    @Provide
    Arbitrary<CellInput> cells() {
        return ReadinessArbitraries.cells();
    }

    @Provide
    Arbitrary<Item> items() {
        return ReadinessArbitraries.items();
    }

    @Provide
    Arbitrary<String> kinds() {
        return ReadinessArbitraries.kinds();
    }

    private static int rank(Status status) {
        return status == Status.NOT_ASSESSED ? 0 : ASCENDING.indexOf(status) - 1;
    }
}
