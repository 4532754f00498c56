package org.trellis.api.readiness;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Decides readiness, purely: the same inputs and day give the same answer, and nothing is read or written here.
 *
 * <p>Per competency, the rule of the target level counts the endorsed evidence that occurred within its recency
 * window (the {@code recencyMonths} before {@code today}, today included):
 *
 * <ul>
 *   <li>MET: enough items and enough distinct kinds, and no manager assessment below the level. A rule that asks
 *       for no evidence is met by a manager assessment of meets or exceeds.
 *   <li>PARTIAL: short of the rule but with something in its favour: counted evidence, or a manager's
 *       meets/exceeds; or the evidence suffices but the manager assessed it below the level. A self-assessment is
 *       shown beside the manager's but never raises a status, so nobody moves their own verdict.
 *   <li>GAP: nothing counts, but the competency has been worked on or assessed (old evidence, any assessment).
 *   <li>NOT_ASSESSED: nothing at all: no endorsed evidence ever and no assessment.
 * </ul>
 *
 * Overall, the score is the share of competencies met, a partial counting half, in percent. READY needs every
 * required competency met, at least the policy's share met, and (when the policy asks) readiness sustained for its
 * months; NEARLY needs every required competency at least partial and the score at the policy's nearly threshold.
 */
final class ReadinessEngine {

    /** Items the rollup keeps per person and competency, newest first: more than any rule may ask for. */
    static final int MAX_ITEMS = 100;

    private ReadinessEngine() {}

    static Result evaluate(List<CellInput> cells, Policy policy, @Nullable LocalDate readySince, LocalDate today) {
        List<CellResult> results = cells.stream().map(cell -> cell(cell, today)).toList();
        int total = results.size();
        long met = results.stream().filter(r -> r.status() == Status.MET).count();
        long partial =
                results.stream().filter(r -> r.status() == Status.PARTIAL).count();
        int score = total == 0 ? 0 : (int) Math.floorDiv(200 * met + 100 * partial, 2L * total);
        int metPercent = total == 0 ? 0 : (int) Math.floorDiv(100 * met, total);
        boolean requiredMet = results.stream().filter(CellResult::required).allMatch(r -> r.status() == Status.MET);
        boolean requiredStarted = results.stream()
                .filter(CellResult::required)
                .allMatch(r -> r.status() == Status.MET || r.status() == Status.PARTIAL);
        boolean readyNow = total > 0 && requiredMet && metPercent >= policy.minMetPercent();
        boolean sustained = policy.sustainMonths() == 0
                || (readySince != null
                        && !readySince.plusMonths(policy.sustainMonths()).isAfter(today));
        Verdict verdict;
        if (readyNow && sustained) {
            verdict = Verdict.READY;
        } else if (readyNow || (total > 0 && requiredStarted && score >= policy.nearlyPercent())) {
            verdict = Verdict.NEARLY;
        } else {
            verdict = Verdict.NOT_YET;
        }
        return new Result(verdict, score, readyNow, results);
    }

    static CellResult cell(CellInput cell, LocalDate today) {
        Rule rule = cell.rule();
        LocalDate windowStart = today.minusMonths(rule.recencyMonths());
        List<Item> counted = cell.endorsed().stream()
                .filter(item -> item.occurredOn().isAfter(windowStart)
                        && !item.occurredOn().isAfter(today))
                .sorted(Comparator.comparing(Item::occurredOn).reversed().thenComparing(Item::evidenceId))
                .limit(MAX_ITEMS)
                .toList();
        Set<String> kinds = new LinkedHashSet<>();
        counted.forEach(item -> kinds.add(item.kind()));
        int itemsShort = Math.max(0, rule.minEndorsedEvidence() - counted.size());
        int kindsShort = Math.max(0, rule.minDistinctKinds() - kinds.size());
        boolean asksForEvidence = rule.minEndorsedEvidence() > 0 || rule.minDistinctKinds() > 0;
        boolean managerBelow = cell.manager() == Rating.BELOW;
        boolean managerMeets = cell.manager() == Rating.MEETS || cell.manager() == Rating.EXCEEDS;

        List<String> unmet = new ArrayList<>();
        if (itemsShort > 0 || kindsShort > 0) {
            unmet.add(evidenceShortfall(itemsShort, kindsShort, kinds.size(), rule.recencyMonths()));
        }
        if (!asksForEvidence && !managerMeets) {
            unmet.add("needs a manager assessment of meets or exceeds");
        }
        if (managerBelow) {
            unmet.add("the manager assessed it below the level");
        }

        Status status;
        if (unmet.isEmpty()) {
            status = Status.MET;
        } else if (!counted.isEmpty() || managerMeets) {
            status = Status.PARTIAL;
        } else if (!cell.endorsed().isEmpty() || cell.self() != null || cell.manager() != null) {
            status = Status.GAP;
        } else {
            status = Status.NOT_ASSESSED;
        }
        Set<String> missingKinds = new LinkedHashSet<>();
        if (kindsShort > 0) {
            cell.suggestedKinds().stream().filter(kind -> !kinds.contains(kind)).forEach(missingKinds::add);
        }
        LocalDate changesOn = counted.isEmpty() ? null : leavesWindow(counted.getLast(), rule.recencyMonths());
        return new CellResult(
                cell.competencyId(),
                cell.competencyKey(),
                rule.required(),
                status,
                counted.stream().map(Item::evidenceId).toList(),
                List.copyOf(unmet),
                List.copyOf(missingKinds),
                changesOn);
    }

    /**
     * The first day whose window no longer holds the item: usually the day {@code months} after it, whose window
     * starts on the item's day; but when that day was cut short to a month's end (31 January plus a month is 28
     * February, whose window starts on 28 January and still holds the item), the day after it.
     */
    private static LocalDate leavesWindow(Item item, int months) {
        LocalDate day = item.occurredOn().plusMonths(months);
        return day.minusMonths(months).isBefore(item.occurredOn()) ? day.plusDays(1) : day;
    }

    /** E.g. "needs 1 more endorsed item of a second kind within 12 months". */
    static String evidenceShortfall(int itemsShort, int kindsShort, int kindsShown, int months) {
        int more = Math.max(itemsShort, kindsShort);
        String within = " within " + months + (months == 1 ? " month" : " months");
        if (kindsShort == 0) {
            return "needs " + more + " more endorsed " + (more == 1 ? "item" : "items") + within;
        }
        if (more == 1) {
            return "needs 1 more endorsed item of a " + ordinal(kindsShown + 1) + " kind" + within;
        }
        return "needs " + more + " more endorsed items, of " + kindsShort + " more "
                + (kindsShort == 1 ? "kind" : "kinds") + " than shown so far," + within;
    }

    private static String ordinal(int n) {
        return switch (n) {
            case 1 -> "first";
            case 2 -> "second";
            case 3 -> "third";
            case 4 -> "fourth";
            case 5 -> "fifth";
            default -> n + "th";
        };
    }

    /** The framework's rule for one competency at the target level. */
    record Rule(int minEndorsedEvidence, int recencyMonths, int minDistinctKinds, boolean required) {}

    /** One endorsed piece of evidence on a competency. */
    record Item(UUID evidenceId, String kind, LocalDate occurredOn) {}

    /** What decides one competency: its rule, endorsed evidence, assessments and the kinds worth suggesting. */
    record CellInput(
            UUID competencyId,
            String competencyKey,
            Rule rule,
            List<Item> endorsed,
            @Nullable Rating self,
            @Nullable Rating manager,
            List<String> suggestedKinds) {}

    /** A competency's status, the evidence that counted (newest first), the rules still unmet, and when it changes. */
    record CellResult(
            UUID competencyId,
            String competencyKey,
            boolean required,
            Status status,
            List<UUID> counted,
            List<String> unmet,
            List<String> missingKinds,
            @Nullable LocalDate changesOn) {}

    /** The version's readiness policy. */
    record Policy(int minMetPercent, int nearlyPercent, int sustainMonths) {

        static final Policy DEFAULT = new Policy(80, 60, 0);
    }

    /** The verdict, score, whether readiness holds today (before sustain), and each competency. */
    record Result(Verdict verdict, int score, boolean readyToday, List<CellResult> cells) {}

    enum Status {
        MET,
        PARTIAL,
        GAP,
        NOT_ASSESSED;

        static final Set<Status> OPEN = EnumSet.of(PARTIAL, GAP, NOT_ASSESSED);

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    enum Verdict {
        READY,
        NEARLY,
        NOT_YET
    }

    enum Rating {
        BELOW,
        MEETS,
        EXCEEDS
    }
}
