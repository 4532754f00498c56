package org.trellis.api.mentoring;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.evidence.Evidence;
import org.trellis.api.evidence.EvidenceCapture;
import org.trellis.api.frameworks.AssignmentService;
import org.trellis.api.frameworks.Competency;
import org.trellis.api.frameworks.FrameworkService;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ConflictException;
import org.trellis.api.shared.NotFoundException;
import org.trellis.api.shared.Validation;
import org.trellis.graphql.UserError.Code;

/**
 * Goals of an active pairing, each on a competency of the mentee's framework version. A goal is achieved or dropped
 * once; an achieved goal can be logged as evidence for the mentee, by the mentee.
 */
@Service
class MentoringGoalService {

    /** The {@code @listSize} of {@code Mentorship.goals} in mentoring.graphqls. */
    private static final int MAX_GOALS = 20;

    private final MentorshipService mentorships;
    private final GoalRecords goals;
    private final AssignmentService assignments;
    private final FrameworkService frameworks;
    private final EvidenceCapture evidence;
    private final AuditTrail audit;

    MentoringGoalService(
            MentorshipService mentorships,
            GoalRecords goals,
            AssignmentService assignments,
            FrameworkService frameworks,
            EvidenceCapture evidence,
            AuditTrail audit) {
        this.mentorships = mentorships;
        this.goals = goals;
        this.assignments = assignments;
        this.frameworks = frameworks;
        this.evidence = evidence;
        this.audit = audit;
    }

    @Transactional
    MentoringGoal addGoal(
            Actor actor,
            UUID mentorshipId,
            UUID competencyId,
            @Nullable String title,
            @Nullable String description,
            @Nullable LocalDate targetDate) {
        Mentorship mentorship = mentorships.active(actor, mentorshipId, "input", "mentorshipId");
        Validation validation = new Validation();
        String validTitle = validation.text(title, 200, "input", "title");
        String validDescription = validation.prose(description, 5000, "input", "description");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (targetDate != null && (targetDate.isBefore(today) || targetDate.isAfter(today.plusYears(2)))) {
            validation.reject(
                    Code.INVALID, "The target date must be within the next two years.", "input", "targetDate");
        }
        if (!assignments.currentCompetencies(actor, mentorship.menteeId()).contains(competencyId)) {
            validation.reject(
                    Code.INVALID,
                    "Goals name a competency of the mentee's framework version.",
                    "input",
                    "competencyId");
        }
        if (goals.goalsOf(List.of(mentorshipId))
                        .getOrDefault(mentorshipId, List.of())
                        .size()
                >= MAX_GOALS) {
            validation.reject(Code.INVALID, "At most " + MAX_GOALS + " goals per pairing.", "input", "mentorshipId");
        }
        validation.throwIfInvalid();
        MentoringGoal goal = goals.insertGoal(
                actor.tenant(),
                mentorshipId,
                competencyId,
                validTitle,
                validDescription == null ? "" : validDescription,
                targetDate,
                MentoringPolicy.requirePerson(actor));
        audit.record(
                actor, actor.tenant(), "mentoring.goal-added", "Mentorship", mentorshipId, Map.of("goal", goal.id()));
        return goal;
    }

    /** Moves a goal; an achieved goal is logged as the mentee's evidence when asked to. */
    @Transactional
    MentoringGoal setGoalStatus(
            Actor actor, UUID goalId, int expectedVersion, MentoringGoal.Status status, boolean logEvidence) {
        MentoringGoal goal = goals.findGoal(goalId).orElseThrow(() -> new NotFoundException("Mentoring goal"));
        Mentorship mentorship = mentorships.active(actor, goal.mentorshipId(), "input", "id");
        if (logEvidence && status != MentoringGoal.Status.ACHIEVED) {
            Validation validation = new Validation();
            validation.reject(Code.INVALID, "Only an achieved goal is logged as evidence.", "input", "logEvidence");
            validation.throwIfInvalid();
        }
        if (logEvidence) {
            MentoringPolicy.requireLogGoalEvidence(actor, mentorship);
        }
        MentoringPolicy.checkGoalMove(goal.status(), status);
        if (goal.version() != expectedVersion) {
            throw ConflictException.stale("The goal changed since you read it: reload and try again.");
        }
        UUID evidenceId = logEvidence ? goalEvidence(actor, mentorship, goal) : null;
        MentoringGoal updated = goals.setGoalStatus(goalId, expectedVersion, status, evidenceId)
                .orElseThrow(
                        () -> ConflictException.stale("The goal changed since you read it: reload and try again."));
        audit.record(
                actor,
                actor.tenant(),
                "mentoring.goal-" + status.name().toLowerCase(Locale.ROOT),
                "Mentorship",
                mentorship.id(),
                Map.of("goal", goalId));
        return updated;
    }

    @Transactional(readOnly = true)
    MentoringGoal goal(Actor actor, UUID id) {
        MentoringGoal goal = goals.findGoal(id).orElseThrow(() -> new NotFoundException("Mentoring goal"));
        mentorships.get(actor, goal.mentorshipId());
        return goal;
    }

    /** Goals per pairing, for pairings the caller already sees. */
    @Transactional(readOnly = true)
    Map<UUID, List<MentoringGoal>> goalsOf(Collection<UUID> mentorshipIds) {
        return mentorshipIds.isEmpty() ? Map.of() : goals.goalsOf(mentorshipIds);
    }

    private UUID goalEvidence(Actor actor, Mentorship mentorship, MentoringGoal goal) {
        Competency competency = frameworks.competenciesById(actor, List.of(goal.competencyId())).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Competency"));
        var recorded = evidence.record(
                actor,
                new EvidenceCapture.Captured(
                        mentorship.menteeId(),
                        Evidence.Kind.OTHER,
                        Set.of(competency.key()),
                        "Mentoring goal achieved: " + goal.title(),
                        goal.description(),
                        LocalDate.now(ZoneOffset.UTC),
                        List.of(),
                        Evidence.Source.MENTORING,
                        "mentoring-goal:" + goal.id()));
        if (recorded.evidence() == null) {
            Validation validation = new Validation();
            validation.reject(
                    Code.INVALID,
                    "The mentee's framework version no longer has the goal's competency; log the evidence by hand.",
                    "input",
                    "logEvidence");
            validation.throwIfInvalid();
        }
        return recorded.evidence().id();
    }
}
