package org.trellis.api.readiness;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.evidence.Evidence;
import org.trellis.api.evidence.EvidenceService;
import org.trellis.api.frameworks.Competency;
import org.trellis.api.frameworks.FrameworkService;
import org.trellis.api.frameworks.Level;
import org.trellis.api.people.PeopleService;
import org.trellis.api.people.Person;
import org.trellis.api.readiness.PromotionCase.CaseStatus;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.BatchJoins;
import org.trellis.api.shared.ConflictException;
import org.trellis.api.shared.InvalidInputException;
import org.trellis.api.shared.NotFoundException;
import org.trellis.api.shared.Validation;
import org.trellis.graphql.GlobalId;
import org.trellis.graphql.UserError;

/**
 * Promotion cases: a manager in the chain (or a tenant admin) nominates a person for their target level, freezing the
 * readiness explanation and the evidence; tenant admins and the committee move it to review and decide it, approved
 * or deferred with a reason. A person has at most one open case. Every step is audited.
 */
@Service
class PromotionCaseService {

    /** Evidence frozen per competency at most, newest first (the live explanation keeps them all). */
    static final int FROZEN_EVIDENCE_PER_COMPETENCY = 20;

    /** Links frozen per item at most, each at most this long: the frozen copy stays small (the item keeps all). */
    static final int FROZEN_LINKS = 3;

    static final int MAX_FROZEN_LINK = 300;

    private final PromotionCases cases;
    private final ReadinessService readiness;
    private final PeopleService people;
    private final FrameworkService frameworks;
    private final EvidenceService evidence;
    private final AuditTrail audit;
    private final ReadinessEvents events;
    private final String portalBaseUrl;

    PromotionCaseService(
            PromotionCases cases,
            ReadinessService readiness,
            PeopleService people,
            FrameworkService frameworks,
            EvidenceService evidence,
            AuditTrail audit,
            ReadinessEvents events,
            @Value("${trellis.portal.base-url:https://portal.trellis.invalid}") String portalBaseUrl) {
        this.cases = cases;
        this.readiness = readiness;
        this.people = people;
        this.frameworks = frameworks;
        this.evidence = evidence;
        this.audit = audit;
        this.events = events;
        this.portalBaseUrl = portalBaseUrl.replaceAll("/+$", "");
    }

    @Transactional(readOnly = true)
    PromotionCase get(Actor actor, UUID id) {
        ReadinessPolicy.requirePerson(actor);
        PromotionCase found = cases.find(id).orElseThrow(() -> new NotFoundException("PromotionCase"));
        return visible(actor, List.of(found)).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("PromotionCase"));
    }

    /** A person's cases; NOT_FOUND, as for an absent person, where the caller may not see them. */
    @Transactional(readOnly = true)
    List<PromotionCase> ofPerson(Actor actor, UUID personId) {
        ReadinessPolicy.requirePerson(actor);
        boolean visible = people.getAll(actor, List.of(personId)).stream()
                .anyMatch(person -> ReadinessPolicy.canSeeCase(actor, person));
        if (!visible) {
            throw new NotFoundException("Person");
        }
        return cases.ofPerson(personId);
    }

    @Transactional(readOnly = true)
    List<PromotionCase> committee(Actor actor, String levelCode) {
        ReadinessPolicy.requireCommittee(actor);
        return cases.openAtLevel(levelCode);
    }

    @Transactional
    PromotionCase nominate(Actor actor, UUID personId, @Nullable String note) {
        ReadinessPolicy.requirePerson(actor);
        Person person = people.getAll(actor, List.of(personId)).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Person"));
        ReadinessPolicy.requireNominate(actor, personId, people.reportsOf(actor));
        Validation validation = new Validation();
        String text = validation.prose(note, 5000, "input", "note");
        validation.throwIfInvalid();
        Readiness now =
                readiness.evaluate(List.of(personId), ReadinessService.today()).get(personId);
        if (now == null) {
            throw InvalidInputException.of(new UserError(
                    List.of("input", "personId"),
                    "The person has no framework assignment to be promoted within.",
                    UserError.Code.INVALID));
        }
        if (now.levelId().equals(now.currentLevelId())) {
            throw InvalidInputException.of(new UserError(
                    List.of("input", "personId"),
                    "The person already holds the level they are measured for: assign a higher target level first.",
                    UserError.Code.INVALID));
        }
        if (cases.hasOpen(personId)) {
            throw new ConflictException("The person already has an open promotion case.", "input", "personId");
        }
        PromotionCase created = cases.insert(
                actor.tenant(), personId, now.levelId(), actor.personId(), text, freeze(actor, person, now));
        audit.record(actor, actor.tenant(), "promotion-case.nominated", "PromotionCase", created.id(), Map.of());
        return created;
    }

    @Transactional
    PromotionCase move(Actor actor, UUID id, int expectedVersion, CaseStatus to, @Nullable String reason) {
        ReadinessPolicy.requireCommittee(actor);
        PromotionCase current = cases.find(id).orElseThrow(() -> new NotFoundException("PromotionCase"));
        ReadinessPolicy.requireDecide(actor, current.personId());
        CaseStatus from = to == CaseStatus.IN_REVIEW ? CaseStatus.NOMINATED : CaseStatus.IN_REVIEW;
        String text = null;
        if (to != CaseStatus.IN_REVIEW) {
            Validation validation = new Validation();
            text = validation.requiredProse(reason, 5000, "input", "reason");
            validation.throwIfInvalid();
        }
        if (current.status() != from) {
            throw new ConflictException(
                    "The case is " + current.status() + "; it moves to " + to + " only from " + from + ".",
                    "input",
                    "id");
        }
        PromotionCase moved = cases.move(
                        id, expectedVersion, from, to, text, to == CaseStatus.IN_REVIEW ? null : actor.personId())
                .orElseThrow(
                        () -> ConflictException.stale("The case changed since you read it: reload and try again."));
        audit.record(
                actor,
                actor.tenant(),
                "promotion-case." + to.name().toLowerCase(java.util.Locale.ROOT),
                "PromotionCase",
                id,
                Map.of("before", from, "after", to));
        if (!to.open()) {
            events.caseDecided(actor.tenant(), moved);
        }
        return moved;
    }

    String packet(PromotionCase promotion) {
        return PromotionPacket.markdown(promotion, portalBaseUrl);
    }

    private PromotionCase.Frozen freeze(Actor actor, Person person, Readiness now) {
        Map<UUID, Competency> competencies = BatchJoins.byId(
                frameworks.competenciesById(
                        actor,
                        now.competencies().stream()
                                .map(Readiness.CompetencyReadiness::competencyId)
                                .toList()),
                Competency::id);
        Map<UUID, Evidence> items = BatchJoins.byId(
                evidence.getAll(
                        actor,
                        now.competencies().stream()
                                .flatMap(c -> c.evidenceIds().stream())
                                .distinct()
                                .toList()),
                Evidence::id);
        Level level = frameworks.levels(actor, List.of(now.levelId())).getFirst();
        return new PromotionCase.Frozen(
                person.displayName(),
                now.verdict(),
                now.score(),
                level.code(),
                level.title(),
                now.competencies().stream()
                        .map(c -> new PromotionCase.FrozenCompetency(
                                c.key(),
                                competencies.get(c.competencyId()).name(),
                                c.status(),
                                c.unmet(),
                                c.evidenceIds().stream()
                                        .limit(FROZEN_EVIDENCE_PER_COMPETENCY)
                                        .map(items::get)
                                        .filter(java.util.Objects::nonNull)
                                        .map(e -> new PromotionCase.FrozenEvidence(
                                                GlobalId.encode("Evidence", e.id()),
                                                e.title(),
                                                e.kind(),
                                                e.occurredOn(),
                                                e.links().stream()
                                                        .filter(link -> link.length() <= MAX_FROZEN_LINK)
                                                        .limit(FROZEN_LINKS)
                                                        .toList()))
                                        .toList()))
                        .toList());
    }

    /** The cases whose person's readiness the caller may see, or all for the committee. */
    private List<PromotionCase> visible(Actor actor, Collection<PromotionCase> found) {
        if (found.isEmpty() || ReadinessPolicy.isCommittee(actor)) {
            return List.copyOf(found);
        }
        Map<UUID, Person> persons = BatchJoins.byId(
                people.getAll(
                        actor,
                        found.stream().map(PromotionCase::personId).distinct().toList()),
                Person::id);
        return found.stream()
                .filter(c ->
                        persons.containsKey(c.personId()) && ReadinessPolicy.canSee(actor, persons.get(c.personId())))
                .toList();
    }
}
