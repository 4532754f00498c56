package org.trellis.api.readiness;

import static java.time.temporal.ChronoUnit.DAYS;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.trellis.api.readiness.ReadinessEngine.CellInput;
import org.trellis.api.readiness.ReadinessEngine.Item;
import org.trellis.api.readiness.ReadinessEngine.Policy;
import org.trellis.api.readiness.ReadinessEngine.Rating;
import org.trellis.api.readiness.ReadinessEngine.Rule;

/** Engine inputs within the database's limits, with evidence dated within fifteen years of {@link #TODAY}. */
final class ReadinessArbitraries {

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

    private ReadinessArbitraries() {}

    /**
     * Rules as the database allows them (minEndorsedEvidence 0..100, recencyMonths 1..120, minDistinctKinds 0..10),
     * mostly modest ones that evidence can meet.
     */
    static Arbitrary<Rule> rules() {
        return Arbitraries.frequencyOf(Tuple.of(1, rules(100, 10)), Tuple.of(4, rules(5, 3)));
    }

    private static Arbitrary<Rule> rules(int maxItems, int maxKinds) {
        return Combinators.combine(
                        Arbitraries.integers().between(0, maxItems),
                        Arbitraries.integers().between(1, 120),
                        Arbitraries.integers().between(0, maxKinds),
                        Arbitraries.of(true, false))
                .as(Rule::new);
    }

    static Arbitrary<String> kinds() {
        return Arbitraries.of(KINDS);
    }

    /** An item on any day within fifteen years of today. */
    static Arbitrary<Item> items() {
        return items(Arbitraries.integers().between(0, (int) DAYS.between(FIRST, LAST)), FIRST);
    }

    /** Items mostly within the rule's window, some on its boundary, before it or in the future. */
    static Arbitrary<Item> items(Rule rule) {
        LocalDate start = TODAY.minusMonths(rule.recencyMonths());
        int window = (int) DAYS.between(start, TODAY);
        Arbitrary<Integer> days = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(1, window)),
                Tuple.of(1, Arbitraries.integers().between(-1, 2)),
                Tuple.of(2, Arbitraries.integers().between((int) DAYS.between(start, FIRST), 0)),
                Tuple.of(1, Arbitraries.integers().between(window + 1, (int) DAYS.between(start, LAST))));
        return items(days, start);
    }

    /** Items that do not count today: on or before the window's start, or in the future. */
    static Arbitrary<Item> uncounted(Rule rule) {
        LocalDate start = TODAY.minusMonths(rule.recencyMonths());
        Arbitrary<Integer> days = Arbitraries.oneOf(
                Arbitraries.integers().between((int) DAYS.between(start, FIRST), 0),
                Arbitraries.integers().between((int) DAYS.between(start, TODAY) + 1, (int) DAYS.between(start, LAST)));
        return items(days, start);
    }

    private static Arbitrary<Item> items(Arbitrary<Integer> days, LocalDate from) {
        return Combinators.combine(Arbitraries.longs(), kinds(), days)
                .as((id, kind, day) -> new Item(new UUID(0, id), kind, from.plusDays(day)));
    }

    /** Mostly modest rules, self and manager ratings or none, and evidence of which all, some or none counts. */
    static Arbitrary<CellInput> cells() {
        Arbitrary<Rating> ratings = Arbitraries.of(Rating.class).injectNull(0.5);
        return rules().flatMap(rule -> Combinators.combine(
                        Arbitraries.longs(),
                        endorsed(rule),
                        ratings,
                        ratings,
                        kinds().list().ofMaxSize(9))
                .as((id, items, self, manager, suggested) ->
                        new CellInput(new UUID(1, id), "c" + id, rule, items, self, manager, suggested)));
    }

    /** Up to twice what the rule asks for, mostly in its window; or only evidence that does not count; or none. */
    private static Arbitrary<List<Item>> endorsed(Rule rule) {
        int most = Math.min(2 * rule.minEndorsedEvidence() + 6, 40);
        Arbitrary<List<Item>> some = items(rule).list().ofMaxSize(most).uniqueElements(Item::evidenceId);
        Arbitrary<List<Item>> uncounted =
                uncounted(rule).list().ofMinSize(1).ofMaxSize(3).uniqueElements(Item::evidenceId);
        return Arbitraries.frequencyOf(
                Tuple.of(6, some), Tuple.of(2, uncounted), Tuple.of(2, Arbitraries.just(List.of())));
    }

    /** Up to six competencies, many of them likely met so that every verdict is reached. */
    static Arbitrary<List<CellInput>> cellLists() {
        return Arbitraries.frequencyOf(Tuple.of(1, cells()), Tuple.of(1, likelyMet()))
                .list()
                .ofMaxSize(6);
    }

    /** A modest rule, as many recent items as it asks for or a few more, and no manager assessment below it. */
    static Arbitrary<CellInput> likelyMet() {
        Arbitrary<Rule> rules = Combinators.combine(
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.integers().between(1, 120),
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.of(true, false))
                .as(Rule::new);
        return rules.flatMap(rule -> {
            LocalDate start = TODAY.minusMonths(rule.recencyMonths());
            Arbitrary<Item> recent = items(Arbitraries.integers().between(1, (int) DAYS.between(start, TODAY)), start);
            return Combinators.combine(
                            Arbitraries.longs(),
                            recent.list()
                                    .ofMinSize(rule.minEndorsedEvidence())
                                    .ofMaxSize(rule.minEndorsedEvidence() + 3)
                                    .uniqueElements(Item::evidenceId),
                            Arbitraries.of(Rating.class).injectNull(0.5),
                            Arbitraries.of(Rating.MEETS, Rating.EXCEEDS).injectNull(0.3))
                    .as((id, items, self, manager) ->
                            new CellInput(new UUID(1, id), "m" + id, rule, items, self, manager, KINDS));
        });
    }

    /** Policies as the database allows them (min met 1..100, nearly 0..100, sustain 0..24 months). */
    static Arbitrary<Policy> policies() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 100),
                        Arbitraries.integers().between(0, 100),
                        Arbitraries.integers().between(0, 24))
                .as(Policy::new);
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
}
