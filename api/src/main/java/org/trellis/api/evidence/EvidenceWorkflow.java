package org.trellis.api.evidence;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ForbiddenException;
import org.trellis.api.shared.IdempotencyKeys;
import org.trellis.api.shared.Validation;

/**
 * The review workflow: the author submits and withdraws, reviewers endorse, send back or reject. The caller's
 * relations are computed once per step, and the answer is the row the version-checked UPDATE returned.
 */
@Service
class EvidenceWorkflow {

    private final Evidences evidence;
    private final EvidenceService reads;
    private final IdempotencyKeys keys;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final EvidenceEvents changes;

    EvidenceWorkflow(
            Evidences evidence,
            EvidenceService reads,
            IdempotencyKeys keys,
            AuditTrail audit,
            ApplicationEventPublisher events,
            EvidenceEvents changes) {
        this.evidence = evidence;
        this.reads = reads;
        this.keys = keys;
        this.audit = audit;
        this.events = events;
        this.changes = changes;
    }

    @Transactional
    Evidence transition(
            Actor actor,
            UUID id,
            int expectedVersion,
            EvidencePolicy.Transition transition,
            @Nullable String comment,
            @Nullable String idempotencyKey) {
        return keys.once(
                actor,
                idempotencyKey,
                transition + ":" + id + ":" + expectedVersion,
                comment == null ? "" : comment,
                () -> apply(actor, id, expectedVersion, transition, comment),
                Evidence::id,
                earlier -> reads.get(actor, earlier));
    }

    private Evidence apply(
            Actor actor, UUID id, int expectedVersion, EvidencePolicy.Transition transition, @Nullable String comment) {
        EvidenceService.Visible visible = reads.visible(actor, id);
        Evidence current = visible.item();
        EvidencePolicy.Relations relations = visible.relations();
        boolean review = EvidencePolicy.isReview(transition);
        if (review && !EvidencePolicy.canReview(actor, current, relations)) {
            throw new ForbiddenException(
                    "Evidence is reviewed by the person's managers and active mentors, never by whoever logged it.");
        }
        if (!review && !EvidencePolicy.isAuthor(actor, current)) {
            throw new ForbiddenException("Only the person or whoever logged it submits or withdraws evidence.");
        }
        Validation validation = new Validation();
        String text = transition == EvidencePolicy.Transition.ENDORSE
                ? validation.prose(comment, 5000, "input", "comment")
                : review ? validation.requiredProse(comment, 5000, "input", "comment") : null;
        validation.throwIfInvalid();
        Evidence.Status next = EvidencePolicy.next(current.status(), transition);
        Evidence updated = evidence.transition(id, expectedVersion, next, text, review ? actor.personId() : null)
                .orElseThrow(Evidences::stale);
        audit.record(
                actor,
                actor.tenant(),
                "evidence." + next.name().toLowerCase(Locale.ROOT),
                "Evidence",
                id,
                Map.of("before", current.status(), "after", next));
        changes.changed(actor.tenant(), updated, EvidenceEvents.Change.TRANSITIONED, current.status());
        if ((current.status() == Evidence.Status.ENDORSED) != (next == Evidence.Status.ENDORSED)) {
            events.publishEvent(new EvidenceEndorsementChanged(
                    actor.tenant(), current.personId(), id, next == Evidence.Status.ENDORSED));
        }
        return updated;
    }
}
