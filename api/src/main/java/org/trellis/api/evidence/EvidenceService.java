package org.trellis.api.evidence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.frameworks.AssignmentService;
import org.trellis.api.people.PeopleService;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ConflictException;
import org.trellis.api.shared.ForbiddenException;
import org.trellis.api.shared.NotFoundException;
import org.trellis.api.shared.Validation;
import org.trellis.graphql.OffsetWindows;
import org.trellis.graphql.UserError.Code;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evidence log. Who may do what is {@link EvidencePolicy}; this service validates input, applies writes only
 * at the expected version (a stale write is a CONFLICT and changes nothing), makes writes with an idempotency key
 * repeatable, and audits every change.
 */
@Service
public class EvidenceService {

    private static final int MAX_LINKS = 10;
    private static final int MAX_COMPETENCIES = 10;

    private final Evidences evidence;
    private final IdempotencyKeys keys;
    private final PeopleService people;
    private final AssignmentService assignments;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final ObjectProvider<ActiveMentees> mentors;

    EvidenceService(
            Evidences evidence,
            IdempotencyKeys keys,
            PeopleService people,
            AssignmentService assignments,
            AuditTrail audit,
            JsonMapper json,
            ObjectProvider<ActiveMentees> mentors) {
        this.evidence = evidence;
        this.keys = keys;
        this.people = people;
        this.assignments = assignments;
        this.audit = audit;
        this.json = json;
        this.mentors = mentors;
    }

    @Transactional(readOnly = true)
    public Evidence get(Actor actor, UUID id) {
        Evidence item = evidence.findById(id).orElseThrow(() -> new NotFoundException("Evidence"));
        if (!EvidencePolicy.canSee(actor, item.personId(), relations(actor))) {
            throw new NotFoundException("Evidence");
        }
        return item;
    }

    /** The items among {@code ids} the caller may see (for other modules' batch loading). */
    @Transactional(readOnly = true)
    public List<Evidence> getAll(Actor actor, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        EvidencePolicy.Relations relations = relations(actor);
        return evidence.findByIds(ids).stream()
                .filter(item -> EvidencePolicy.canSee(actor, item.personId(), relations))
                .toList();
    }

    @Transactional(readOnly = true)
    public Window<Evidence> ofPerson(Actor actor, UUID personId, EvidenceFilter filter, ScrollSubrange subrange) {
        if (!people.exists(actor, personId)) {
            throw new NotFoundException("Person");
        }
        if (!EvidencePolicy.canSee(actor, personId, relations(actor))) {
            throw new ForbiddenException(
                    "Evidence is visible to the person, their managers, their active mentors and tenant admins.");
        }
        long offset = OffsetWindows.offset(subrange);
        int limit = OffsetWindows.limit(subrange, 20, 100);
        return OffsetWindows.window(evidence.ofPerson(personId, filter, offset, limit + 1), offset, limit);
    }

    /** Submitted evidence of the caller's reports and active mentees, oldest first: what waits for their review. */
    @Transactional(readOnly = true)
    public Window<Evidence> reviewQueue(Actor actor, ScrollSubrange subrange) {
        EvidencePolicy.Relations relations = relations(actor);
        Set<UUID> reviewees = new java.util.HashSet<>(relations.reports());
        reviewees.addAll(relations.mentees());
        reviewees.remove(actor.personId());
        long offset = OffsetWindows.offset(subrange);
        int limit = OffsetWindows.limit(subrange, 20, 100);
        List<Evidence> rows = reviewees.isEmpty() ? List.of() : evidence.submittedBy(reviewees, offset, limit + 1);
        return OffsetWindows.window(rows, offset, limit);
    }

    /**
     * Endorsed evidence since {@code since}, counted per person and competency key, for mentor suggestions and
     * gaps: counts only, never the items. Only {@code personId}'s when given.
     */
    @Transactional(readOnly = true)
    public Map<UUID, Map<String, Integer>> endorsedByCompetencyKey(
            Actor actor, @Nullable UUID personId, Collection<String> keys, LocalDate since) {
        actor.tenant();
        return keys.isEmpty() ? Map.of() : evidence.endorsedByKey(personId, keys, since);
    }

    /** Competency ids per evidence item, for items the caller already sees. */
    @Transactional(readOnly = true)
    public Map<UUID, List<UUID>> competencyIds(Actor actor, Collection<UUID> evidenceIds) {
        actor.tenant();
        Map<UUID, List<UUID>> result = new LinkedHashMap<>();
        evidenceIds.forEach(id -> result.put(id, new ArrayList<>()));
        if (!evidenceIds.isEmpty()) {
            evidence.competencies(evidenceIds)
                    .forEach(link -> result.get(link.evidenceId()).add(link.competencyId()));
        }
        return result;
    }

    @Transactional
    public Evidence log(Actor actor, @Nullable UUID personId, Draft draft, @Nullable String idempotencyKey) {
        UUID owner = personId != null ? personId : actor.personId();
        if (owner == null) {
            throw new org.trellis.api.shared.InvalidInputException(List.of(new org.trellis.graphql.UserError(
                    List.of("input", "personId"), "Required for service clients.", Code.REQUIRED)));
        }
        return idempotent(actor, idempotencyKey, "logEvidence", draft, () -> {
            if (!people.exists(actor, owner)) {
                throw new NotFoundException("Person");
            }
            if (!EvidencePolicy.canLogFor(actor, owner, relations(actor))) {
                throw new ForbiddenException("You may log evidence for yourself and the people who report to you.");
            }
            EvidenceInput input = validate(actor, owner, draft);
            Evidence created = evidence.insert(
                    actor.tenant(),
                    owner,
                    EvidencePolicy.ref(actor),
                    !owner.equals(actor.personId()),
                    input,
                    input.competencyIds());
            audit.record(
                    actor,
                    actor.tenant(),
                    "evidence.logged",
                    "Evidence",
                    created.id(),
                    Map.of("person", owner, "kind", input.kind(), "onBehalf", created.loggedOnBehalf()));
            return created.id();
        });
    }

    @Transactional
    public Evidence update(Actor actor, UUID id, int expectedVersion, Draft draft, @Nullable String idempotencyKey) {
        return idempotent(actor, idempotencyKey, "updateEvidence:" + id + ":" + expectedVersion, draft, () -> {
            Evidence current = get(actor, id);
            if (!EvidencePolicy.isAuthor(actor, current)) {
                throw new ForbiddenException("Only the person or whoever logged it edits evidence.");
            }
            if (!EvidencePolicy.editable(current.status())) {
                throw new ConflictException("Only draft evidence, or evidence sent back for changes, can be edited.");
            }
            EvidenceInput input = validate(actor, current.personId(), draft);
            Evidence updated = evidence.update(id, expectedVersion, input).orElseThrow(EvidenceService::stale);
            evidence.replaceCompetencies(actor.tenant(), id, input.competencyIds());
            audit.record(
                    actor, actor.tenant(), "evidence.updated", "Evidence", id, Map.of("version", updated.version()));
            return id;
        });
    }

    @Transactional
    public Evidence transition(
            Actor actor,
            UUID id,
            int expectedVersion,
            EvidencePolicy.Transition transition,
            @Nullable String comment,
            @Nullable String idempotencyKey) {
        return idempotent(
                actor,
                idempotencyKey,
                transition + ":" + id + ":" + expectedVersion,
                comment == null ? "" : comment,
                () -> {
                    Evidence current = get(actor, id);
                    boolean review = transition == EvidencePolicy.Transition.ENDORSE
                            || transition == EvidencePolicy.Transition.REQUEST_CHANGES
                            || transition == EvidencePolicy.Transition.REJECT;
                    if (review && !EvidencePolicy.canReview(actor, current, relations(actor))) {
                        throw new ForbiddenException(
                                "Evidence is reviewed by the person's managers and active mentors, never by whoever logged it.");
                    }
                    if (!review && !EvidencePolicy.isAuthor(actor, current)) {
                        throw new ForbiddenException(
                                "Only the person or whoever logged it submits or withdraws evidence.");
                    }
                    Validation validation = new Validation();
                    String text = transition == EvidencePolicy.Transition.ENDORSE
                            ? validation.prose(comment, 5000, "input", "comment")
                            : review ? validation.requiredProse(comment, 5000, "input", "comment") : null;
                    validation.throwIfInvalid();
                    Evidence.Status next = EvidencePolicy.next(current.status(), transition);
                    evidence.transition(id, expectedVersion, next, text, review ? actor.personId() : null)
                            .orElseThrow(EvidenceService::stale);
                    audit.record(
                            actor,
                            actor.tenant(),
                            "evidence." + next.name().toLowerCase(Locale.ROOT),
                            "Evidence",
                            id,
                            Map.of("before", current.status(), "after", next));
                    return id;
                });
    }

    /** Runs {@code work} once per idempotency key: a retry gets the first result; another request with the key is refused. */
    private Evidence idempotent(
            Actor actor, @Nullable String key, String operation, Object request, Supplier<UUID> work) {
        if (key == null) {
            return evidence.findById(work.get()).orElseThrow();
        }
        Validation validation = new Validation();
        String validKey = validation.text(key, 100, "input", "idempotencyKey");
        validation.throwIfInvalid();
        // The caller is part of the request: someone else's retry with the same key is another request.
        String hash = sha256(operation + "\n" + EvidencePolicy.ref(actor) + "\n" + json.writeValueAsString(request));
        if (!keys.claim(actor.tenant(), validKey, operation, hash)) {
            IdempotencyKeys.Claimed claimed = keys.find(validKey).orElseThrow(EvidenceService::stale);
            if (!claimed.requestHash().equals(hash)) {
                throw new ConflictException("This idempotency key was used for a different request.");
            }
            return get(actor, claimed.resultId());
        }
        UUID result = work.get();
        keys.complete(validKey, result);
        return evidence.findById(result).orElseThrow();
    }

    EvidenceInput validate(Actor actor, UUID owner, Draft draft) {
        Validation validation = new Validation();
        String title = validation.text(draft.title(), 200, "input", "title");
        String prose = validation.prose(draft.description(), 20_000, "input", "description");
        String description = prose == null ? "" : prose;
        if (draft.occurredOn() == null) {
            validation.reject(Code.REQUIRED, "Required.", "input", "occurredOn");
        } else if (draft.occurredOn().isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1))) {
            validation.reject(Code.INVALID, "Evidence cannot be in the future.", "input", "occurredOn");
        } else if (draft.occurredOn().isBefore(LocalDate.of(2000, 1, 1))) {
            validation.reject(Code.INVALID, "Too far in the past.", "input", "occurredOn");
        }
        List<String> links = draft.links() == null ? List.of() : draft.links();
        if (links.size() > MAX_LINKS) {
            validation.reject(Code.INVALID, "At most " + MAX_LINKS + " links.", "input", "links");
        }
        for (String link : links) {
            if (!EvidenceInput.isWebLink(link)) {
                validation.reject(
                        Code.INVALID,
                        "Links must be absolute http or https URLs of at most 2000 characters.",
                        "input",
                        "links");
                break;
            }
        }
        List<UUID> competencies = draft.competencyIds() == null
                ? List.of()
                : draft.competencyIds().stream().distinct().toList();
        if (competencies.isEmpty() || competencies.size() > MAX_COMPETENCIES) {
            validation.reject(
                    Code.INVALID, "Name 1 to " + MAX_COMPETENCIES + " competencies.", "input", "competencyIds");
        } else {
            Set<UUID> allowed = assignments.currentCompetencies(actor, owner);
            if (!allowed.containsAll(competencies)) {
                validation.reject(
                        Code.INVALID,
                        allowed.isEmpty()
                                ? "The person has no framework assignment."
                                : "Competencies must come from the person's framework version.",
                        "input",
                        "competencyIds");
            }
        }
        if (draft.kind() == null) {
            validation.reject(Code.REQUIRED, "Required.", "input", "kind");
        }
        validation.throwIfInvalid();
        return new EvidenceInput(
                competencies,
                draft.kind(),
                title,
                description,
                draft.occurredOn(),
                links,
                draft.impact() == null ? Evidence.Impact.TEAM : draft.impact());
    }

    private EvidencePolicy.Relations relations(Actor actor) {
        Set<UUID> reports = people.reportsOf(actor);
        Set<UUID> mentees = actor.personId() == null
                ? Set.of()
                : mentors.getIfAvailable(() -> mentor -> Set.of()).of(actor.personId());
        return new EvidencePolicy.Relations(reports, mentees);
    }

    private static ConflictException stale() {
        return new ConflictException("The evidence changed since you read it: reload and try again.");
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Evidence fields as a caller gives them; validated into an {@link EvidenceInput}. */
    public record Draft(
            @Nullable List<UUID> competencyIds,
            Evidence.@Nullable Kind kind,
            @Nullable String title,
            @Nullable String description,
            @Nullable LocalDate occurredOn,
            @Nullable List<String> links,
            Evidence.@Nullable Impact impact) {}
}
