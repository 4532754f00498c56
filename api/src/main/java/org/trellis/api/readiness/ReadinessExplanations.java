package org.trellis.api.readiness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.evidence.Evidence;
import org.trellis.api.mentoring.MentorSuggestions;
import org.trellis.api.people.Person;
import org.trellis.api.readiness.ReadinessEngine.Status;
import org.trellis.api.shared.Actor;

/**
 * One person's readiness explained: next steps for every competency not met (the kinds of evidence missing, and
 * mentors from the mentoring suggestions, asked once for all of them), the snapshot history, and what changed since
 * the previous snapshot.
 */
@Service
class ReadinessExplanations {

    static final int MENTORS_PER_STEP = 3;
    static final int KINDS_PER_STEP = 3;

    private final ReadinessService readiness;
    private final Snapshots snapshots;
    private final MentorSuggestions suggestions;

    ReadinessExplanations(ReadinessService readiness, Snapshots snapshots, MentorSuggestions suggestions) {
        this.readiness = readiness;
        this.snapshots = snapshots;
        this.suggestions = suggestions;
    }

    @Transactional(readOnly = true)
    Explanation explain(Actor actor, UUID personId) {
        Person person = readiness.visiblePerson(actor, personId);
        return new Explanation(
                person,
                readiness.evaluate(List.of(personId), ReadinessService.today()).get(personId));
    }

    @Transactional(readOnly = true)
    List<NextStep> nextSteps(Actor actor, Explanation explanation) {
        Readiness now = explanation.readiness();
        if (now == null) {
            return List.of();
        }
        List<Readiness.CompetencyReadiness> open = now.competencies().stream()
                .filter(c -> c.status() != Status.MET)
                .toList();
        if (open.isEmpty()) {
            return List.of();
        }
        List<MentorSuggestions.Suggestion> ranked = suggestions
                .suggest(
                        actor,
                        now.personId(),
                        open.stream()
                                .map(Readiness.CompetencyReadiness::competencyId)
                                .toList(),
                        true,
                        20)
                .suggestions();
        return open.stream()
                .map(c -> new NextStep(
                        c.competencyId(),
                        c.status(),
                        c.unmet(),
                        c.missingKinds().stream()
                                .limit(KINDS_PER_STEP)
                                .map(Evidence.Kind::valueOf)
                                .toList(),
                        ranked.stream()
                                .filter(s -> s.strengths().stream()
                                        .anyMatch(strength ->
                                                strength.competency().id().equals(c.competencyId())))
                                .limit(MENTORS_PER_STEP)
                                .toList()))
                .toList();
    }

    @Transactional(readOnly = true)
    List<Snapshot> history(Explanation explanation, int first) {
        return snapshots.history(explanation.person().id(), Math.max(1, first));
    }

    /**
     * How readiness now differs from the previous snapshot: the latest one, or the one before it when the latest
     * already says what readiness says now.
     */
    @Transactional(readOnly = true)
    List<Change> changes(Explanation explanation) {
        Readiness now = explanation.readiness();
        if (now == null) {
            return List.of();
        }
        List<Snapshot> latest = snapshots.latest(now.personId(), 2);
        Snapshot baseline = latest.isEmpty()
                ? null
                : latest.getFirst().sameAs(now) ? (latest.size() > 1 ? latest.get(1) : null) : latest.getFirst();
        Map<String, Snapshot.Cell> before = baseline == null ? Map.of() : baseline.cells();
        List<Change> changes = new ArrayList<>();
        for (Readiness.CompetencyReadiness c : now.competencies()) {
            Snapshot.Cell then = before.get(c.key());
            Set<UUID> thenEvidence = then == null ? Set.of() : Set.copyOf(then.evidence());
            List<UUID> added = c.evidenceIds().stream()
                    .filter(id -> !thenEvidence.contains(id))
                    .toList();
            int removed = (int) thenEvidence.stream()
                    .filter(id -> !c.evidenceIds().contains(id))
                    .count();
            Status from = then == null ? null : then.status();
            if (baseline != null && (from != c.status() || !added.isEmpty() || removed > 0)) {
                changes.add(new Change(c.competencyId(), from, c.status(), added, removed));
            }
        }
        return changes;
    }

    /** The schema's {@code ReadinessExplanation}: the person and, with a framework assignment, their readiness. */
    record Explanation(Person person, @Nullable Readiness readiness) {}

    /** The schema's {@code NextStep}. */
    record NextStep(
            UUID competencyId,
            Status status,
            List<String> unmet,
            List<Evidence.Kind> missingKinds,
            List<MentorSuggestions.Suggestion> mentors) {}

    /** The schema's {@code ReadinessChange}. */
    record Change(UUID competencyId, @Nullable Status from, Status to, List<UUID> evidenceAdded, int evidenceRemoved) {}
}
