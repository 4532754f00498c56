package org.trellis.api.evidence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.trellis.api.people.PeopleService;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.InvalidInputException;
import org.trellis.api.shared.TrellisException;
import org.trellis.graphql.UserError;
import org.trellis.graphql.UserError.Code;

/**
 * Batch import for portals: up to 500 items per call, idempotent by (source, external id), one result per item.
 * Each item is written in its own savepoint, so a bad item fails alone; imported items arrive SUBMITTED, in their
 * managers' review queues.
 */
@Service
class EvidenceImport {

    static final int MAX_ITEMS = 500;

    private final Evidences evidence;
    private final EvidenceCreation creation;
    private final EvidenceDrafts drafts;
    private final PeopleService people;
    private final TransactionTemplate savepoint;

    EvidenceImport(
            Evidences evidence,
            EvidenceCreation creation,
            EvidenceDrafts drafts,
            PeopleService people,
            PlatformTransactionManager transactions) {
        this.evidence = evidence;
        this.creation = creation;
        this.drafts = drafts;
        this.people = people;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Transactional
    public List<Result> importItems(Actor actor, List<Item> items) {
        if (items.size() > MAX_ITEMS) {
            throw InvalidInputException.of(new UserError(
                    List.of("input", "items"), "At most " + MAX_ITEMS + " items per call.", Code.INVALID));
        }
        // No mentees: mentors never log for them, and whoever may log for a person sees their evidence without.
        var relations = new EvidencePolicy.Relations(people.reportsOf(actor), Set.of());
        Set<String> seen = new HashSet<>();
        List<Result> results = new ArrayList<>();
        for (Item item : items) {
            if (item.externalId() == null
                    || item.externalId().isBlank()
                    || item.externalId().length() > 500) {
                results.add(Result.failed(
                        String.valueOf(item.externalId()), "externalId", "1 to 500 characters are required."));
            } else if (!seen.add(item.externalId())) {
                results.add(Result.failed(item.externalId(), "externalId", "Repeated in this batch."));
            } else {
                results.add(importOne(actor, relations, item));
            }
        }
        return results;
    }

    /**
     * Permission comes first, so a caller who may not log for the person learns nothing about the external id;
     * then an id already used answers as {@link EvidencePolicy#reimport} says.
     */
    private Result importOne(Actor actor, EvidencePolicy.Relations relations, Item item) {
        if (!people.exists(actor, item.personId()) || !EvidencePolicy.canLogFor(actor, item.personId(), relations)) {
            return Result.failed(item.externalId(), "personId", "You may not import evidence for this person.");
        }
        var existing = evidence.findByExternalId(Evidence.Source.API_IMPORT, item.externalId());
        if (existing.isPresent()) {
            return reimported(actor, relations, item, existing.get());
        }
        try {
            Evidence created = savepoint.execute(status -> {
                EvidenceInput input = drafts.validate(actor, item.personId(), item.draft());
                return creation.create(
                                actor,
                                new NewEvidence(
                                        item.personId(),
                                        EvidencePolicy.ref(actor),
                                        input,
                                        Evidence.Source.API_IMPORT,
                                        item.externalId(),
                                        Evidence.Status.SUBMITTED))
                        .orElse(null);
            });
            if (created == null) {
                // A concurrent import of the same external id won: answer as if it had come first.
                return concurrentlyImported(actor, relations, item);
            }
            return new Result(item.externalId(), Outcome.CREATED, created, List.of());
        } catch (InvalidInputException e) {
            return new Result(item.externalId(), Outcome.FAILED, null, e.userErrors());
        } catch (TrellisException e) {
            return Result.failed(item.externalId(), "personId", e.getMessage());
        } catch (DataIntegrityViolationException e) {
            // Rolled back to the savepoint: a repeat if the id is taken by now, else this item fails alone.
            return concurrentlyImported(actor, relations, item);
        }
    }

    private Result concurrentlyImported(Actor actor, EvidencePolicy.Relations relations, Item item) {
        return evidence.findByExternalId(Evidence.Source.API_IMPORT, item.externalId())
                .map(winner -> reimported(actor, relations, item, winner))
                .orElseGet(() -> Result.failed(item.externalId(), "externalId", "Could not import."));
    }

    private static Result reimported(Actor actor, EvidencePolicy.Relations relations, Item item, Evidence existing) {
        return switch (EvidencePolicy.reimport(actor, item.personId(), existing, relations)) {
            case SHOWN -> new Result(item.externalId(), Outcome.ALREADY_IMPORTED, existing, List.of());
            case HIDDEN -> new Result(item.externalId(), Outcome.ALREADY_IMPORTED, null, List.of());
            case IN_USE -> Result.failed(item.externalId(), "externalId", "This external id is already in use.");
        };
    }

    /** One item to import. */
    record Item(@Nullable String externalId, UUID personId, EvidenceDraft draft) {}

    /** What became of one item. */
    public enum Outcome {
        CREATED,
        ALREADY_IMPORTED,
        FAILED
    }

    /** One item's result. */
    public record Result(
            String externalId, Outcome outcome, @Nullable Evidence evidence, List<UserError> userErrors) {

        static Result failed(String externalId, String field, String message) {
            return new Result(
                    externalId,
                    Outcome.FAILED,
                    null,
                    List.of(new UserError(List.of("input", "items", field), message, Code.INVALID)));
        }
    }
}
