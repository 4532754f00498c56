package org.trellis.api.evidence;

import static org.trellis.persistence.jooq.Tables.EVIDENCE;
import static org.trellis.persistence.jooq.Tables.EVIDENCE_COMPETENCY;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.trellis.api.people.PersonRows;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ConflictException;
import org.trellis.api.shared.KeysetOrder;
import org.trellis.api.shared.Paged;
import org.trellis.graphql.KeysetWindows;

/** Evidence of the transaction's tenant. Writes check the expected version, so a stale write changes nothing. */
@Repository
class Evidences {

    private final DSLContext db;
    private final EvidenceStatements statements;

    Evidences(DSLContext db) {
        this.db = db;
        this.statements = new EvidenceStatements(db);
    }

    /** An item, and whether the caller manages its person (decided in the statement that read it). */
    record Sighted(Evidence item, boolean managedByCaller) {}

    Optional<Sighted> findById(UUID id, Actor caller) {
        return statements.sighted(id, caller);
    }

    List<Sighted> findByIds(Collection<UUID> ids, Actor caller) {
        Field<Boolean> managed =
                PersonRows.managedByCaller(caller, EVIDENCE.PERSON_ID).as("managed_by_caller");
        return db.select(EVIDENCE.fields())
                .select(managed)
                .from(EVIDENCE)
                .where(EVIDENCE.ID.in(ids))
                .fetch(row -> new Sighted(toEvidence(row), Boolean.TRUE.equals(row.get(managed))));
    }

    /** A person's evidence: newest day first, then by id. */
    private static final KeysetOrder OF_PERSON = KeysetOrder.of(
            KeysetOrder.descending("occurredOn", EVIDENCE.OCCURRED_ON), KeysetOrder.ascending("id", EVIDENCE.ID));

    /** The review queue: least recently changed first, then by id. */
    private static final KeysetOrder SUBMITTED = KeysetOrder.of(
            KeysetOrder.ascending("updatedAt", EVIDENCE.UPDATED_AT), KeysetOrder.ascending("id", EVIDENCE.ID));

    /** A page of a person's evidence, newest first. */
    Paged<Evidence> ofPerson(UUID personId, EvidenceFilter filter, KeysetWindows.Page page) {
        Condition condition = EVIDENCE.PERSON_ID.eq(personId);
        if (filter.competencyId() != null) {
            condition = condition.and(EVIDENCE.ID.in(DSL.select(EVIDENCE_COMPETENCY.EVIDENCE_ID)
                    .from(EVIDENCE_COMPETENCY)
                    .where(EVIDENCE_COMPETENCY.COMPETENCY_ID.eq(filter.competencyId()))));
        }
        if (filter.kind() != null) {
            condition = condition.and(EVIDENCE.KIND.eq(filter.kind().name()));
        }
        if (filter.status() != null) {
            condition = condition.and(EVIDENCE.STATUS.eq(filter.status().name()));
        }
        if (filter.from() != null) {
            condition = condition.and(EVIDENCE.OCCURRED_ON.ge(filter.from()));
        }
        if (filter.to() != null) {
            condition = condition.and(EVIDENCE.OCCURRED_ON.le(filter.to()));
        }
        Condition where = condition;
        return Paged.of(
                OF_PERSON
                        .page(sort -> db.selectFrom(EVIDENCE).where(where).orderBy(sort), page)
                        .fetch(Evidences::toEvidence),
                db,
                EVIDENCE,
                where);
    }

    /** An item's cursor keys in a person's evidence. */
    static Map<String, String> ofPersonKeys(Evidence item) {
        return OF_PERSON.keys(item.occurredOn(), item.id());
    }

    /** A page of the submitted evidence of these people, least recently changed first. */
    Paged<Evidence> submittedBy(Collection<UUID> personIds, KeysetWindows.Page page) {
        Condition where = EVIDENCE.PERSON_ID.in(personIds).and(EVIDENCE.STATUS.eq(Evidence.Status.SUBMITTED.name()));
        return Paged.of(
                SUBMITTED
                        .page(sort -> db.selectFrom(EVIDENCE).where(where).orderBy(sort), page)
                        .fetch(Evidences::toEvidence),
                db,
                EVIDENCE,
                where);
    }

    /** An item's cursor keys in the review queue. */
    static Map<String, String> submittedKeys(Evidence item) {
        return SUBMITTED.keys(item.updatedAt(), item.id());
    }

    Optional<Evidence> findByExternalId(Evidence.Source source, String externalId) {
        return db.selectFrom(EVIDENCE)
                .where(EVIDENCE.SOURCE.eq(source.name()))
                .and(EVIDENCE.EXTERNAL_ID.eq(externalId))
                .fetchOptional(Evidences::toEvidence);
    }

    /**
     * Inserts new evidence with its competency links, in one statement, and answers the row the INSERT returned;
     * empty, with no links, when evidence with its (source, external id) exists. A concurrent insert of the same
     * external id waits for the other transaction, then answers empty. The links' rollup trigger runs at the end of
     * the statement, when the item is there to be read.
     */
    Optional<Evidence> insert(UUID tenantId, NewEvidence item, boolean onBehalf) {
        return statements.insert(tenantId, item, onBehalf);
    }

    /** Empty when the version moved on (a concurrent write won). */
    Optional<Evidence> update(UUID id, int expectedVersion, EvidenceInput input) {
        return db.update(EVIDENCE)
                .set(EVIDENCE.KIND, input.kind().name())
                .set(EVIDENCE.TITLE, input.title())
                .set(EVIDENCE.DESCRIPTION, input.description())
                .set(EVIDENCE.OCCURRED_ON, input.occurredOn())
                .set(EVIDENCE.LINKS, input.links().toArray(String[]::new))
                .set(EVIDENCE.IMPACT, input.impact().name())
                .set(EVIDENCE.VERSION, EVIDENCE.VERSION.plus(1))
                .set(EVIDENCE.UPDATED_AT, Instant.now())
                .where(EVIDENCE.ID.eq(id))
                .and(EVIDENCE.VERSION.eq(expectedVersion))
                .returning()
                .fetchOptional(Evidences::toEvidence);
    }

    /** Empty when the version moved on. */
    Optional<Evidence> transition(
            UUID id, int expectedVersion, Evidence.Status status, @Nullable String comment, @Nullable UUID reviewer) {
        return statements.transition(id, expectedVersion, status, comment, reviewer);
    }

    /** A write at a version that moved on: nothing changed. */
    static ConflictException stale() {
        return ConflictException.stale("The evidence changed since you read it: reload and try again.");
    }

    static Evidence toEvidence(Record row) {
        return new Evidence(
                row.get(EVIDENCE.ID),
                row.get(EVIDENCE.PERSON_ID),
                row.get(EVIDENCE.LOGGED_BY),
                row.get(EVIDENCE.ON_BEHALF),
                Evidence.Kind.valueOf(row.get(EVIDENCE.KIND)),
                row.get(EVIDENCE.TITLE),
                row.get(EVIDENCE.DESCRIPTION),
                row.get(EVIDENCE.OCCURRED_ON),
                List.of(row.get(EVIDENCE.LINKS)),
                Evidence.Impact.valueOf(row.get(EVIDENCE.IMPACT)),
                Evidence.Source.valueOf(row.get(EVIDENCE.SOURCE)),
                row.get(EVIDENCE.EXTERNAL_ID),
                Evidence.Status.valueOf(row.get(EVIDENCE.STATUS)),
                row.get(EVIDENCE.REVIEW_COMMENT),
                row.get(EVIDENCE.REVIEWED_BY),
                row.get(EVIDENCE.REVIEWED_AT),
                row.get(EVIDENCE.VERSION),
                row.get(EVIDENCE.CREATED_AT),
                row.get(EVIDENCE.UPDATED_AT));
    }
}
