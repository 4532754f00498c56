package org.trellis.api.evidence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.people.PeopleService;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ForbiddenException;
import org.trellis.api.shared.InvalidInputException;
import org.trellis.api.shared.NotFoundException;
import org.trellis.api.shared.TrellisException;
import org.trellis.graphql.UserError;
import org.trellis.graphql.UserError.Code;

/**
 * Batch import for portals: up to 500 items per call, idempotent by (source, external id), one result per item.
 * Each item is written in its own savepoint, so a bad item fails alone; imported items arrive SUBMITTED, in their
 * managers' review queues.
 */
@Service
public class EvidenceImport {

    static final int MAX_ITEMS = 500;

    private final Evidences evidence;
    private final EvidenceService service;
    private final PeopleService people;
    private final AuditTrail audit;
    private final TransactionTemplate savepoint;

    EvidenceImport(
            Evidences evidence,
            EvidenceService service,
            PeopleService people,
            AuditTrail audit,
            PlatformTransactionManager transactions) {
        this.evidence = evidence;
        this.service = service;
        this.people = people;
        this.audit = audit;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Transactional
    public List<Result> importItems(Actor actor, List<Item> items) {
        if (items.size() > MAX_ITEMS) {
            throw InvalidInputException.of(new UserError(
                    List.of("input", "items"), "At most " + MAX_ITEMS + " items per call.", Code.INVALID));
        }
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

    private Result importOne(Actor actor, EvidencePolicy.Relations relations, Item item) {
        var existing = evidence.findByExternalId(Evidence.Source.API_IMPORT, item.externalId());
        if (existing.isPresent()) {
            return existing.get().personId().equals(item.personId())
                    ? new Result(item.externalId(), Outcome.ALREADY_IMPORTED, existing.get(), List.of())
                    : Result.failed(item.externalId(), "externalId", "Already imported for another person.");
        }
        try {
            Evidence created = savepoint.execute(status -> {
                if (!people.exists(actor, item.personId())) {
                    throw new NotFoundException("Person");
                }
                if (!EvidencePolicy.canLogFor(actor, item.personId(), relations)) {
                    throw new ForbiddenException("You may not log evidence for this person.");
                }
                EvidenceInput input = service.validate(actor, item.personId(), item.draft());
                Evidence inserted = evidence.insert(
                        actor.tenant(),
                        item.personId(),
                        EvidencePolicy.ref(actor),
                        !item.personId().equals(actor.personId()),
                        input,
                        input.competencyIds(),
                        Evidence.Source.API_IMPORT,
                        item.externalId(),
                        Evidence.Status.SUBMITTED);
                audit.record(
                        actor,
                        actor.tenant(),
                        "evidence.imported",
                        "Evidence",
                        inserted.id(),
                        Map.of("person", item.personId(), "externalId", item.externalId()));
                return inserted;
            });
            return new Result(item.externalId(), Outcome.CREATED, created, List.of());
        } catch (InvalidInputException e) {
            return new Result(item.externalId(), Outcome.FAILED, null, e.userErrors());
        } catch (TrellisException e) {
            return Result.failed(item.externalId(), "personId", e.getMessage());
        } catch (DataIntegrityViolationException e) {
            // A concurrent import of the same external id won: report theirs.
            return evidence.findByExternalId(Evidence.Source.API_IMPORT, item.externalId())
                    .map(winner -> new Result(item.externalId(), Outcome.ALREADY_IMPORTED, winner, List.of()))
                    .orElseGet(() -> Result.failed(item.externalId(), "externalId", "Could not import."));
        }
    }

    /** One item to import. */
    public record Item(@Nullable String externalId, UUID personId, EvidenceService.Draft draft) {}

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
