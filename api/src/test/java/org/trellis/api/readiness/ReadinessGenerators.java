package org.trellis.api.readiness;

import static java.time.temporal.ChronoUnit.DAYS;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.trellis.api.readiness.ReadinessEngine.CellInput;
import org.trellis.api.readiness.ReadinessEngine.Item;
import org.trellis.api.readiness.ReadinessEngine.Policy;
import org.trellis.api.readiness.ReadinessEngine.Rating;
import org.trellis.api.readiness.ReadinessEngine.Rule;

/**
 * Engine inputs within the database's limits, with evidence dated within fifteen years of {@link #TODAY}.
 *
 * <p>An item's id has random high bits; in a list its low bits are its position, so ids are unique within a list,
 * and an item generated alone has -1 there, so that it can join any list without taking another item's id.
 */
final class ReadinessGenerators {

    /** Examples per property: QuickTheories' default, written out so that it does not hang on a system property. */
    static final int EXAMPLES = 1000;

    /** A month's last day after a leap February, so that windows and their ends are clamped to shorter months. */
    static final LocalDate TODAY = LocalDate.of(2024, 3, 31);

    static final List<String> KINDS = List.of(
            "CODE_REVIEW",
            "INCIDENT_RESPONSE",
            "DESIGN_DOC",
            "MENTORING",
            "DOCUMENTATION",
            "RELEASE",
            "KNOWLEDGE_SHARING",
            "DELIVERY",
            "OTHER");

    private static final LocalDate FIRST = TODAY.minusYears(15);
    private static final LocalDate LAST = TODAY.plusYears(15);

    private ReadinessGenerators() {}

    /**
     * Rules as the database allows them (minEndorsedEvidence 0..100, recencyMonths 1..120, minDistinctKinds 0..10),
     * mostly modest ones that evidence can meet.
     */
    static Gen<Rule> rules() {
        return frequency(Pair.of(1, rules(100, 10)), Pair.of(4, rules(5, 3)));
    }

    private static Gen<Rule> rules(int maxItems, int maxKinds) {
        return integers()
                .between(0, maxItems)
                .zip(
                        integers().between(1, 120),
                        integers().between(0, maxKinds),
                        booleans().all(),
                        Rule::new);
    }

    static Gen<String> kinds() {
        return Generate.pick(KINDS);
    }

    /** An item on any day within fifteen years of today. */
    static Gen<Item> items() {
        return items(integers().between(0, days(FIRST, LAST)), FIRST);
    }

    /** Items mostly within the rule's window, some on its boundary, before it or in the future. */
    static Gen<Item> items(Rule rule) {
        LocalDate start = TODAY.minusMonths(rule.recencyMonths());
        int window = days(start, TODAY);
        Gen<Integer> days = frequency(
                Pair.of(6, integers().between(1, window)),
                Pair.of(1, integers().between(-1, 2)),
                Pair.of(2, integers().between(days(start, FIRST), 0)),
                Pair.of(1, integers().between(window + 1, days(start, LAST))));
        return items(days, start);
    }

    /** Items that do not count today: on or before the window's start, or in the future. */
    static Gen<Item> uncounted(Rule rule) {
        LocalDate start = TODAY.minusMonths(rule.recencyMonths());
        Gen<Integer> days = frequency(
                Pair.of(1, integers().between(days(start, FIRST), 0)),
                Pair.of(1, integers().between(days(start, TODAY) + 1, days(start, LAST))));
        return items(days, start);
    }

    private static Gen<Item> items(Gen<Integer> days, LocalDate from) {
        return longs().all()
                .zip(kinds(), days, (id, kind, day) -> new Item(new UUID(id, -1), kind, from.plusDays(day)));
    }

    /** Between min and max items, numbered so that their ids are unique. */
    private static Gen<List<Item>> itemLists(Gen<Item> items, int min, int max) {
        return lists().of(items)
                .ofSizeBetween(min, max)
                .map(list -> IntStream.range(0, list.size())
                        .mapToObj(i -> {
                            Item item = list.get(i);
                            return new Item(
                                    new UUID(item.evidenceId().getMostSignificantBits(), i),
                                    item.kind(),
                                    item.occurredOn());
                        })
                        .toList());
    }

    /** Mostly modest rules, self and manager ratings or none, and evidence of which all, some or none counts. */
    static Gen<CellInput> cells() {
        Gen<Rating> ratings = ratings(List.of(Rating.values()), 50);
        return rules().flatMap(rule -> longs().all()
                .zip(
                        endorsed(rule),
                        ratings,
                        ratings,
                        lists().of(kinds()).ofSizeBetween(0, 9),
                        (id, items, self, manager, suggested) ->
                                new CellInput(new UUID(1, id), "c" + id, rule, items, self, manager, suggested)));
    }

    /** Up to twice what the rule asks for, mostly in its window; or only evidence that does not count; or none. */
    private static Gen<List<Item>> endorsed(Rule rule) {
        int most = Math.min(2 * rule.minEndorsedEvidence() + 6, 40);
        return frequency(
                Pair.of(6, itemLists(items(rule), 0, most)),
                Pair.of(2, itemLists(uncounted(rule), 1, 3)),
                Pair.of(2, Generate.constant(List.of())));
    }

    /** Up to six competencies, many of them likely met so that every verdict is reached. */
    static Gen<List<CellInput>> cellLists() {
        return lists().of(frequency(Pair.of(1, cells()), Pair.of(1, likelyMet())))
                .ofSizeBetween(0, 6);
    }

    /** A modest rule, as many recent items as it asks for or a few more, and no manager assessment below it. */
    static Gen<CellInput> likelyMet() {
        Gen<Rule> rules = integers()
                .between(0, 4)
                .zip(
                        integers().between(1, 120),
                        integers().between(0, 2),
                        booleans().all(),
                        Rule::new);
        return rules.flatMap(rule -> {
            LocalDate start = TODAY.minusMonths(rule.recencyMonths());
            Gen<Item> recent = items(integers().between(1, days(start, TODAY)), start);
            int least = rule.minEndorsedEvidence();
            return longs().all()
                    .zip(
                            itemLists(recent, least, least + 3),
                            ratings(List.of(Rating.values()), 50),
                            ratings(List.of(Rating.MEETS, Rating.EXCEEDS), 30),
                            (id, items, self, manager) ->
                                    new CellInput(new UUID(1, id), "m" + id, rule, items, self, manager, KINDS));
        });
    }

    /** Policies as the database allows them (min met 1..100, nearly 0..100, sustain 0..24 months). */
    static Gen<Policy> policies() {
        return integers()
                .between(1, 100)
                .zip(integers().between(0, 100), integers().between(0, 24), Policy::new);
    }

    static CellInput withItems(CellInput cell, List<Item> items) {
        return new CellInput(
                cell.competencyId(),
                cell.competencyKey(),
                cell.rule(),
                items,
                cell.self(),
                cell.manager(),
                cell.suggestedKinds());
    }

    /** One of the ratings, or none in about {@code percentNone} of the examples. */
    private static Gen<Rating> ratings(List<Rating> ratings, int percentNone) {
        return arbitrary().pick(ratings).toOptionals(percentNone).map(rating -> rating.orElse(null));
    }

    @SafeVarargs
    private static <T> Gen<T> frequency(Pair<Integer, Gen<T>>... weighted) {
        return Generate.frequency(List.of(weighted));
    }

    private static int days(LocalDate from, LocalDate to) {
        return (int) DAYS.between(from, to);
    }
}
