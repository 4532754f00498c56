package org.trellis.api.readiness;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.trellis.api.shared.NotFoundException;

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
    private final PeopleService people;

    ReadinessService(ReadinessInputs inputs, PeopleService people) {
        this.inputs = inputs;
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

    /** Readiness of people already known to be visible (snapshots, cases and dashboards decide that first). */
    Map<UUID, Readiness> evaluate(Collection<UUID> personIds, LocalDate today) {
        Map<UUID, Subject> subjects = inputs.subjects(personIds);
        if (subjects.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<RuleRow>> rules = inputs.rules(
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
            @org.jspecify.annotations.Nullable LocalDate readySince,
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
                competencies);
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
