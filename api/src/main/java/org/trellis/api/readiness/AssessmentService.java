package org.trellis.api.readiness;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.people.PeopleService;
import org.trellis.api.readiness.ReadinessEngine.Rating;
import org.trellis.api.readiness.ReadinessInputs.Subject;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.InvalidInputException;
import org.trellis.api.shared.NotFoundException;
import org.trellis.api.shared.Validation;
import org.trellis.graphql.UserError;

/**
 * Assessment cycles (tenant admins open, close and reopen them; reopening is audited) and assessments: a rating of a
 * competency of the person's target level, made in the cycle open today, by the person (SELF) or their management
 * chain (MANAGER). A new rating of the same kind in the same cycle replaces the earlier one.
 */
@Service
class AssessmentService {

    private final Assessments assessments;
    private final ReadinessInputs inputs;
    private final PublishedRules rules;
    private final PeopleService people;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    AssessmentService(
            Assessments assessments,
            ReadinessInputs inputs,
            PublishedRules rules,
            PeopleService people,
            AuditTrail audit,
            ApplicationEventPublisher events) {
        this.assessments = assessments;
        this.inputs = inputs;
        this.rules = rules;
        this.people = people;
        this.audit = audit;
        this.events = events;
    }

    @Transactional(readOnly = true)
    List<AssessmentCycle> cycles(Actor actor) {
        ReadinessPolicy.requirePerson(actor);
        return assessments.cycles();
    }

    @Transactional(readOnly = true)
    List<AssessmentCycle> cyclesById(Actor actor, Collection<UUID> ids) {
        ReadinessPolicy.requirePerson(actor);
        return assessments.cycles(ids);
    }

    @Transactional(readOnly = true)
    AssessmentCycle cycle(Actor actor, UUID id) {
        ReadinessPolicy.requirePerson(actor);
        return assessments.cycle(id).orElseThrow(() -> new NotFoundException("AssessmentCycle"));
    }

    @Transactional
    AssessmentCycle open(Actor actor, String name, LocalDate opensOn, LocalDate closesOn) {
        ReadinessPolicy.requireAdmin(actor);
        Validation validation = new Validation();
        String checked = validation.text(name, 200, "input", "name");
        LocalDate earliest = LocalDate.of(2000, 1, 1);
        LocalDate latest = LocalDate.of(2100, 12, 31);
        if (opensOn.isBefore(earliest) || opensOn.isAfter(latest)) {
            validation.reject(UserError.Code.INVALID, "Between 2000-01-01 and 2100-12-31.", "input", "opensOn");
        }
        if (closesOn.isBefore(earliest) || closesOn.isAfter(latest)) {
            validation.reject(UserError.Code.INVALID, "Between 2000-01-01 and 2100-12-31.", "input", "closesOn");
        }
        if (closesOn.isBefore(opensOn)) {
            validation.reject(UserError.Code.INVALID, "A cycle closes on or after it opens.", "input", "closesOn");
        }
        validation.throwIfInvalid();
        AssessmentCycle cycle = assessments.insertCycle(actor.tenant(), checked, opensOn, closesOn);
        audit.record(actor, actor.tenant(), "assessment-cycle.opened", "AssessmentCycle", cycle.id(), Map.of());
        return cycle;
    }

    @Transactional
    AssessmentCycle setStatus(Actor actor, UUID id, AssessmentCycle.Status status) {
        ReadinessPolicy.requireAdmin(actor);
        AssessmentCycle before = assessments.cycle(id).orElseThrow(() -> new NotFoundException("AssessmentCycle"));
        AssessmentCycle after =
                assessments.setStatus(id, status).orElseThrow(() -> new NotFoundException("AssessmentCycle"));
        String action = status == AssessmentCycle.Status.OPEN ? "assessment-cycle.reopened" : "assessment-cycle.closed";
        audit.record(
                actor,
                actor.tenant(),
                action,
                "AssessmentCycle",
                id,
                Map.of("before", before.status(), "after", status));
        return after;
    }

    @Transactional
    Assessment assess(
            Actor actor,
            UUID personId,
            UUID competencyId,
            Assessment.Kind kind,
            Rating rating,
            @Nullable String comment) {
        ReadinessPolicy.requirePerson(actor);
        if (people.getAll(actor, List.of(personId)).isEmpty()) {
            throw new NotFoundException("Person");
        }
        ReadinessPolicy.requireAssess(actor, kind, personId, people.reportsOf(actor));
        Validation validation = new Validation();
        String text = validation.prose(comment, 5000, "input", "comment");
        Subject subject = inputs.subjects(List.of(personId)).get(personId);
        if (subject == null) {
            throw invalid("personId", "The person has no framework assignment to assess against.");
        }
        boolean ofLevel = rules.of(List.of(subject.levelId())).getOrDefault(subject.levelId(), List.of()).stream()
                .anyMatch(rule -> rule.competencyId().equals(competencyId));
        if (!ofLevel) {
            throw invalid("competencyId", "Assess a competency of the person's framework version and target level.");
        }
        AssessmentCycle cycle = assessments
                .openOn(ReadinessService.today())
                .orElseThrow(() -> invalid("personId", "No assessment cycle is open today."));
        validation.throwIfInvalid();
        Assessment saved = assessments.upsert(
                actor.tenant(),
                cycle.id(),
                personId,
                competencyId,
                subject.versionId(),
                subject.levelId(),
                kind,
                rating,
                text,
                actor.personId());
        audit.record(
                actor,
                actor.tenant(),
                "assessment.recorded",
                "Person",
                personId,
                Map.of("kind", kind, "rating", rating, "competency", competencyId.toString()));
        events.publishEvent(new ReadinessInputsChanged(actor, personId));
        return saved;
    }

    private static InvalidInputException invalid(String field, String message) {
        return InvalidInputException.of(new UserError(List.of("input", field), message, UserError.Code.INVALID));
    }
}
