package org.trellis.api.evidence;

import graphql.execution.DataFetcherResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.people.PeopleService;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ForbiddenException;
import org.trellis.api.shared.NotFoundException;
import org.trellis.api.shared.Paged;
import org.trellis.graphql.KeysetWindows;

/**
 * Reading the evidence log: what {@link EvidencePolicy} lets the caller see, and counts for other modules. Writes
 * are {@link EvidenceAuthoring} (log, update), {@link EvidenceWorkflow} (submit, review, withdraw),
 * {@link EvidenceImport} and {@link EvidenceCapture}.
 */
@Service
public class EvidenceService {

    private final Evidences evidence;
    private final EvidenceCompetencies competencies;
    private final EvidenceRelations relations;
    private final PeopleService people;

    EvidenceService(
            Evidences evidence, EvidenceCompetencies competencies, EvidenceRelations relations, PeopleService people) {
        this.evidence = evidence;
        this.competencies = competencies;
        this.relations = relations;
        this.people = people;
    }

    @Transactional(readOnly = true)
    public Evidence get(Actor actor, UUID id) {
        return visible(actor, id).item();
    }

    /**
     * The item and the caller's relations toward its person, computed once for the use case that goes on with them
     * (and asked only about that person); NOT_FOUND, as if it did not exist, when the caller may not see it.
     */
    Visible visible(Actor actor, UUID id) {
        Evidences.Sighted seen = evidence.findById(id, actor).orElseThrow(() -> new NotFoundException("Evidence"));
        Evidence item = seen.item();
        EvidencePolicy.Relations relations = this.relations.toward(actor, seen);
        if (!EvidencePolicy.canSee(actor, item.personId(), relations)) {
            throw new NotFoundException("Evidence");
        }
        return new Visible(item, relations);
    }

    /** An item the caller sees, and who the caller is to others. */
    record Visible(Evidence item, EvidencePolicy.Relations relations) {}

    /** The items among {@code ids} the caller may see (for other modules' batch loading). */
    @Transactional(readOnly = true)
    public List<Evidence> getAll(Actor actor, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        EvidencePolicy.Relations relations = this.relations.of(actor);
        return evidence.findByIds(ids, actor).stream()
                .filter(seen -> EvidencePolicy.canSee(
                        actor,
                        seen.item().personId(),
                        relations.withReports(
                                seen.managedByCaller() ? Set.of(seen.item().personId()) : Set.of())))
                .map(Evidences.Sighted::item)
                .toList();
    }

    @Transactional(readOnly = true)
    public DataFetcherResult<Window<Evidence>> ofPerson(
            Actor actor, UUID personId, EvidenceFilter filter, ScrollSubrange subrange) {
        requireSeesEvidenceOf(actor, personId);
        KeysetWindows.Page page = KeysetWindows.page(subrange, 20, 100);
        return evidence.ofPerson(personId, filter, page).window(page, Evidences::ofPersonKeys);
    }

    /** NOT_FOUND when the caller cannot see the person, FORBIDDEN when they see the person but not their evidence. */
    @Transactional(readOnly = true)
    public void requireSeesEvidenceOf(Actor actor, UUID personId) {
        if (!people.exists(actor, personId)) {
            throw new NotFoundException("Person");
        }
        if (!EvidencePolicy.canSee(actor, personId, relations.of(actor))) {
            throw new ForbiddenException(
                    "Evidence is visible to the person, their managers, their active mentors and tenant admins.");
        }
    }

    /** The item, when the caller may review it now (as the review queue decides); empty otherwise. */
    @Transactional(readOnly = true)
    public java.util.Optional<Evidence> reviewable(Actor actor, UUID id) {
        return evidence.findById(id, actor)
                .filter(seen -> EvidencePolicy.canReview(actor, seen.item(), relations.toward(actor, seen)))
                .map(Evidences.Sighted::item);
    }

    /**
     * Submitted evidence of the caller's reports and active mentees, least recently changed first: what waits for
     * their review.
     */
    @Transactional(readOnly = true)
    public DataFetcherResult<Window<Evidence>> reviewQueue(Actor actor, ScrollSubrange subrange) {
        EvidencePolicy.Relations relations = this.relations.of(actor);
        Set<UUID> reviewees = new HashSet<>(relations.reports());
        reviewees.addAll(relations.mentees());
        reviewees.remove(actor.personId());
        KeysetWindows.Page page = KeysetWindows.page(subrange, 20, 100);
        Paged<Evidence> rows = reviewees.isEmpty() ? Paged.empty() : evidence.submittedBy(reviewees, page);
        return rows.window(page, Evidences::submittedKeys);
    }

    /**
     * Endorsed evidence since {@code since}, counted per person and competency key, for mentor suggestions and
     * gaps: counts only, never the items. Only {@code personId}'s when given.
     */
    @Transactional(readOnly = true)
    public Map<UUID, Map<String, Integer>> endorsedByCompetencyKey(
            Actor actor, @Nullable UUID personId, Collection<String> keys, LocalDate since) {
        actor.tenant();
        return keys.isEmpty() ? Map.of() : competencies.endorsedByKey(personId, keys, since);
    }

    /** Competency ids per evidence item, for items the caller already sees. */
    @Transactional(readOnly = true)
    public Map<UUID, List<UUID>> competencyIds(Actor actor, Collection<UUID> evidenceIds) {
        actor.tenant();
        Map<UUID, List<UUID>> result = new LinkedHashMap<>();
        evidenceIds.forEach(id -> result.put(id, new ArrayList<>()));
        if (!evidenceIds.isEmpty()) {
            competencies
                    .of(evidenceIds)
                    .forEach(link -> result.get(link.evidenceId()).add(link.competencyId()));
        }
        return result;
    }
}
