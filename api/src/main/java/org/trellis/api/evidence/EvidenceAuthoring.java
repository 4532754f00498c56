package org.trellis.api.evidence;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.people.PeopleService;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ConflictException;
import org.trellis.api.shared.ForbiddenException;
import org.trellis.api.shared.IdempotencyKeys;
import org.trellis.api.shared.InvalidInputException;
import org.trellis.api.shared.NotFoundException;
import org.trellis.api.shared.Validation;
import org.trellis.graphql.UserError;
import org.trellis.graphql.UserError.Code;

/**
 * Logging evidence by hand and editing it. Who may is {@link EvidencePolicy}; an edit applies only at the expected
 * version (a stale write is a CONFLICT and changes nothing); a write with an idempotency key is repeatable.
 */
@Service
class EvidenceAuthoring {

    private final Evidences evidence;
    private final EvidenceCompetencies competencies;
    private final EvidenceCreation creation;
    private final EvidenceDrafts drafts;
    private final EvidenceRelations relations;
    private final EvidenceService reads;
    private final IdempotencyKeys keys;
    private final PeopleService people;
    private final AuditTrail audit;
    private final EvidenceEvents events;

    EvidenceAuthoring(
            Evidences evidence,
            EvidenceCompetencies competencies,
            EvidenceCreation creation,
            EvidenceDrafts drafts,
            EvidenceRelations relations,
            EvidenceService reads,
            IdempotencyKeys keys,
            PeopleService people,
            AuditTrail audit,
            EvidenceEvents events) {
        this.evidence = evidence;
        this.competencies = competencies;
        this.creation = creation;
        this.drafts = drafts;
        this.relations = relations;
        this.reads = reads;
        this.keys = keys;
        this.people = people;
        this.audit = audit;
        this.events = events;
    }

    /** A draft for {@code personId}, or for the caller when none is named. */
    @Transactional
    Evidence log(Actor actor, @Nullable UUID personId, EvidenceDraft draft, @Nullable String idempotencyKey) {
        UUID owner = personId != null ? personId : actor.personId();
        if (owner == null) {
            throw InvalidInputException.of(
                    new UserError(List.of("input", "personId"), "Required for service clients.", Code.REQUIRED));
        }
        return keys.once(
                actor,
                idempotencyKey,
                "logEvidence",
                draft,
                () -> {
                    // The caller's own record exists: deactivating or erasing them drops their sign-in first.
                    if (!owner.equals(actor.personId()) && !people.exists(actor, owner)) {
                        throw new NotFoundException("Person");
                    }
                    if (!EvidencePolicy.canLogFor(actor, owner, relations.of(actor))) {
                        throw new ForbiddenException(
                                "You may log evidence for yourself and the people who report to you.");
                    }
                    EvidenceInput input = drafts.validate(actor, owner, draft);
                    return creation.create(
                                    actor,
                                    new NewEvidence(
                                            owner,
                                            EvidencePolicy.ref(actor),
                                            input,
                                            Evidence.Source.MANUAL,
                                            null,
                                            Evidence.Status.DRAFT))
                            .orElseThrow();
                },
                Evidence::id,
                id -> reads.get(actor, id));
    }

    /** Edits the fields given ({@link EvidenceChanges}) at the expected version. */
    @Transactional
    Evidence update(
            Actor actor, UUID id, int expectedVersion, EvidenceChanges changes, @Nullable String idempotencyKey) {
        return keys.once(
                actor,
                idempotencyKey,
                "updateEvidence:" + id + ":" + expectedVersion,
                changes,
                () -> {
                    Evidence current = reads.visible(actor, id).item();
                    if (!EvidencePolicy.isAuthor(actor, current)) {
                        throw new ForbiddenException("Only the person or whoever logged it edits evidence.");
                    }
                    if (!EvidencePolicy.editable(current.status())) {
                        throw new ConflictException(
                                "Only draft evidence, or evidence sent back for changes, can be edited.",
                                "input",
                                "id");
                    }
                    List<UUID> linked = competencies.of(List.of(id)).stream()
                            .map(EvidenceCompetencies.Link::competencyId)
                            .toList();
                    Validation validation = new Validation();
                    EvidenceDraft draft = changes.over(current, linked, validation);
                    EvidenceInput input = drafts.validate(actor, current.personId(), draft, validation);
                    Evidence updated =
                            evidence.update(id, expectedVersion, input).orElseThrow(Evidences::stale);
                    competencies.replace(actor.tenant(), id, input.competencyIds());
                    audit.record(
                            actor,
                            actor.tenant(),
                            "evidence.updated",
                            "Evidence",
                            id,
                            Map.of("version", updated.version()));
                    events.changed(actor.tenant(), updated, EvidenceEvents.Change.UPDATED, current.status());
                    return updated;
                },
                Evidence::id,
                earlier -> reads.get(actor, earlier));
    }
}
