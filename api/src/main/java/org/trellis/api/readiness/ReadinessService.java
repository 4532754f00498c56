package org.trellis.api.readiness;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.evidence.Evidence;
import org.trellis.api.people.PeopleService;
import org.trellis.api.people.Person;
import org.trellis.api.readiness.ReadinessEngine.CellInput;
import org.trellis.api.readiness.ReadinessEngine.CellResult;
import org.trellis.api.readiness.ReadinessEngine.Result;
import org.trellis.api.readiness.ReadinessInputs.RuleRow;
import org.trellis.api.readiness.ReadinessInputs.Subject;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.CallerScope;
import org.trellis.api.shared.NotFoundException;
import org.trellis.persistence.SharedTransaction;

/**
 * Readiness of any number of people in a fixed number of statements ({@link ReadinessInputs}), decided by the pure
 * {@link ReadinessEngine}. People the caller may not see, and people without a framework assignment, have none.
 */
@Service
class ReadinessService {

    /** Kinds worth suggesting when a rule asks for more kinds: every kind but OTHER, in the schema's order. */
    static final List<String> SUGGESTED_KINDS = Arrays.stream(Evidence.Kind.values())
            .filter(kind -> kind != Evidence.Kind.OTHER)
            .map(Enum::name)
            .toList();

    private final ReadinessInputs inputs;
    private final PublishedRules rules;
    private final ReadinessSummaries summaries;
    private final PeopleService people;

    ReadinessService(ReadinessInputs inputs, PublishedRules rules, ReadinessSummaries summaries, PeopleService people) {
        this.inputs = inputs;
        this.rules = rules;
        this.summaries = summaries;
        this.people = people;
    }

    /** One person's readiness; NOT_FOUND when the caller may not see it, empty without an assignment. */
    @Transactional(readOnly = true)
    public java.util.Optional<Readiness> of(Actor actor, UUID personId) {
        Person person = visiblePerson(actor, personId);
        return java.util.Optional.ofNullable(of(actor, List.of(person)).get(person.id()));
    }

    /** The person, when the caller may see their readiness; NOT_FOUND otherwise (hidden looks absent). */
    @Transactional(readOnly = true)
    public Person visiblePerson(Actor actor, UUID personId) {
        ReadinessPolicy.requirePerson(actor);
        return people.getAll(actor, List.of(personId)).stream()
                .filter(p -> ReadinessPolicy.canSee(actor, p))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Person"));
    }

    /** Readiness of the people whose readiness the caller may see, by person id. */
    @Transactional(readOnly = true)
    public Map<UUID, Readiness> of(Actor actor, Collection<Person> persons) {
        List<UUID> visible = persons.stream()
                .filter(person -> ReadinessPolicy.canSee(actor, person))
                .map(Person::id)
                .distinct()
                .toList();
        return visible.isEmpty() ? Map.of() : evaluate(visible, today());
    }

    /**
     * Packed readiness of people already known to be visible, from their stored rows (which the caller read, joined
     * to its own query: {@link ReadinessSummaries#COLUMNS}); rows missing or out of date
     * are decided again, and stored once the caller's read-only unit has ended ({@link SharedTransaction#afterwards}).
     * Absent without an assignment.
     */
    Map<UUID, ReadinessSummary> summaries(
            UUID tenantId, Collection<UUID> personIds, Map<UUID, ReadinessSummary> stored) {
        LocalDate today = today();
        List<UUID> stale = personIds.stream()
                .filter(id -> !stored.containsKey(id) || !stored.get(id).current(today))
                .toList();
        if (stale.isEmpty()) {
            return stored;
        }
        Map<UUID, ReadinessSummary> result = new HashMap<>(stored);
        Map<UUID, Readiness> decided = evaluate(stale, today);
        List<ReadinessSummary> fresh = new ArrayList<>();
        stale.forEach(id -> {
            Readiness readiness = decided.get(id);
            if (readiness == null) {
                result.remove(id);
            } else {
                ReadinessSummary summary = ReadinessSummary.of(
                        readiness, stored.containsKey(id) ? stored.get(id).revision() : ReadinessSummary.NO_ROW);
                fresh.add(summary);
                result.put(id, summary);
            }
        });
        if (!fresh.isEmpty()) {
            SharedTransaction.afterwards(() -> CallerScope.inTenant(tenantId, () -> summaries.fill(tenantId, fresh)));
        }
        return result;
    }

    /** Readiness of people already known to be visible (snapshots, cases and dashboards decide that first). */
    Map<UUID, Readiness> evaluate(Collection<UUID> personIds, LocalDate today) {
        Map<UUID, Subject> subjects = inputs.subjects(personIds);
        if (subjects.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<RuleRow>> rules = this.rules.of(
                subjects.values().stream().map(Subject::levelId).distinct().toList());
        Map<UUID, Map<String, List<ReadinessEngine.Item>>> cells = inputs.cells(subjects.keySet());
        Map<UUID, Map<String, Assessments.Pair>> assessments = inputs.latestAssessments(subjects.values());
        boolean sustain = subjects.values().stream().anyMatch(s -> s.policy().sustainMonths() > 0);
        Map<UUID, LocalDate> readySince = sustain ? inputs.readySince(subjects.values()) : Map.of();
        Map<UUID, Readiness> result = new HashMap<>();
        subjects.values()
                .forEach(subject -> result.put(
                        subject.personId(),
                        evaluate(
                                subject,
                                rules.getOrDefault(subject.levelId(), List.of()),
                                cells.getOrDefault(subject.personId(), Map.of()),
                                assessments.getOrDefault(subject.personId(), Map.of()),
                                readySince.get(subject.personId()),
                                today)));
        return result;
    }

    private static Readiness evaluate(
            Subject subject,
            List<RuleRow> rules,
            Map<String, List<ReadinessEngine.Item>> cells,
            Map<String, Assessments.Pair> assessments,
            @Nullable LocalDate readySince,
            LocalDate today) {
        List<CellInput> inputs = rules.stream()
                .map(rule -> {
                    Assessments.Pair pair = assessments.getOrDefault(rule.key(), new Assessments.Pair(null, null));
                    return new CellInput(
                            rule.competencyId(),
                            rule.key(),
                            rule.rule(),
                            cells.getOrDefault(rule.key(), List.of()),
                            pair.self() == null ? null : pair.self().rating(),
                            pair.manager() == null ? null : pair.manager().rating(),
                            SUGGESTED_KINDS);
                })
                .toList();
        Result result = ReadinessEngine.evaluate(inputs, subject.policy(), readySince, today);
        List<Readiness.CompetencyReadiness> competencies = result.cells().stream()
                .map(cell -> competency(
                        cell, assessments.getOrDefault(cell.competencyKey(), new Assessments.Pair(null, null))))
                .toList();
        return new Readiness(
                subject.personId(),
                subject.versionId(),
                subject.levelId(),
                subject.currentLevelId(),
                result.verdict(),
                result.score(),
                result.readyToday(),
                competencies,
                validUntil(result, cells.values(), subject.policy(), readySince, today));
    }

    /** The first day on which time alone changes the result (see {@link Readiness#validUntil()}). */
    private static @Nullable LocalDate validUntil(
            Result result,
            Collection<List<ReadinessEngine.Item>> cells,
            ReadinessEngine.Policy policy,
            @Nullable LocalDate readySince,
            LocalDate today) {
        Stream<LocalDate> leaving = result.cells().stream().map(CellResult::changesOn);
        Stream<LocalDate> entering = cells.stream()
                .flatMap(List::stream)
                .map(ReadinessEngine.Item::occurredOn)
                .filter(day -> day.isAfter(today));
        Stream<LocalDate> sustained = result.readyToday() && result.verdict() != ReadinessEngine.Verdict.READY
                ? Stream.of((readySince == null ? today : readySince).plusMonths(policy.sustainMonths()))
                : Stream.empty();
        return Stream.of(leaving, entering, sustained)
                .flatMap(days -> days)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    private static Readiness.CompetencyReadiness competency(CellResult cell, Assessments.Pair pair) {
        return new Readiness.CompetencyReadiness(
                cell.competencyId(),
                cell.competencyKey(),
                cell.required(),
                cell.status(),
                cell.counted(),
                cell.unmet(),
                cell.missingKinds(),
                pair.self(),
                pair.manager(),
                cell.changesOn());
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
