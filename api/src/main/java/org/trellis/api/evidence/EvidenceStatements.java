package org.trellis.api.evidence;

import static org.trellis.persistence.jooq.Tables.EVIDENCE;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.InsertResultStep;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;
import org.trellis.api.evidence.Evidences.Sighted;
import org.trellis.api.people.PersonRows;
import org.trellis.api.shared.Actor;
import org.trellis.persistence.FixedStatement;
import org.trellis.persistence.jooq.tables.records.EvidenceRecord;

/**
 * The statements every evidence mutation sends (read one item as its caller sees it, insert, move through the
 * workflow), each rendered once per shape ({@link FixedStatement}).
 */
final class EvidenceStatements {

    private static final String MANAGED = "managed_by_caller";

    private final FixedStatement sightedByPerson;
    private final FixedStatement sightedByOther;
    private final FixedStatement insert;
    private final FixedStatement insertLinked;
    private final FixedStatement transition;
    private final FixedStatement review;

    EvidenceStatements(DSLContext db) {
        sightedByPerson = FixedStatement.of(db, args -> {
            var id = args.like(EVIDENCE.ID);
            var caller = args.of(SQLDataType.UUID);
            return db.select(EVIDENCE.fields())
                    .select(PersonRows.managedBy(caller, EVIDENCE.PERSON_ID).as(MANAGED))
                    .from(EVIDENCE)
                    .where(EVIDENCE.ID.eq(id));
        });
        sightedByOther = FixedStatement.of(
                db,
                args -> db.select(EVIDENCE.fields())
                        .select(DSL.inline(false).as(MANAGED))
                        .from(EVIDENCE)
                        .where(EVIDENCE.ID.eq(args.like(EVIDENCE.ID))));
        insert = FixedStatement.of(db, args -> inserting(db, args));
        insertLinked = FixedStatement.of(
                db,
                args -> db.resultQuery(
                                "WITH e AS ({0}), l AS (INSERT INTO evidence_competency (tenant_id, evidence_id, competency_id)"
                                        + " SELECT e.tenant_id, e.id, c FROM e, unnest(CAST({1} AS uuid[])) AS c)"
                                        + " SELECT * FROM e",
                                inserting(db, args), args.of(SQLDataType.UUID.array()))
                        .coerce(EVIDENCE.fields()));
        transition = updating(db, false);
        review = updating(db, true);
    }

    /** The item as the caller sees it, with whether the caller manages its person. */
    Optional<Sighted> sighted(UUID id, Actor caller) {
        UUID self = caller.personId();
        var query = self == null ? sightedByOther.with(id) : sightedByPerson.with(id, self);
        return query.fetchOptional(
                row -> new Sighted(Evidences.toEvidence(row), Boolean.TRUE.equals(row.get(MANAGED, Boolean.class))));
    }

    /** See {@link Evidences#insert}. */
    Optional<Evidence> insert(UUID tenantId, NewEvidence item, boolean onBehalf) {
        EvidenceInput input = item.input();
        List<UUID> competencies = input.competencyIds();
        Object[] values = {
            tenantId,
            UUID.randomUUID(),
            item.personId(),
            item.loggedBy(),
            onBehalf,
            input.kind().name(),
            input.title(),
            input.description(),
            input.occurredOn(),
            input.links().toArray(String[]::new),
            input.impact().name(),
            item.source().name(),
            item.externalId(),
            item.status().name(),
            competencies.toArray(UUID[]::new)
        };
        return competencies.isEmpty()
                ? insert.with(Arrays.copyOf(values, values.length - 1)).fetchOptional(Evidences::toEvidence)
                : insertLinked.with(values).fetchOptional(Evidences::toEvidence);
    }

    /** See {@link Evidences#transition}. */
    Optional<Evidence> transition(
            UUID id, int expectedVersion, Evidence.Status status, @Nullable String comment, @Nullable UUID reviewer) {
        Instant now = Instant.now();
        var query = reviewer == null
                ? transition.with(now, status.name(), id, expectedVersion)
                : review.with(now, status.name(), comment, reviewer, id, expectedVersion);
        return query.fetchOptional(Evidences::toEvidence);
    }

    /** A move through the workflow; its arguments: now, status, [comment, reviewer,] id, expected version. */
    private static FixedStatement updating(DSLContext db, boolean review) {
        return FixedStatement.of(db, args -> {
            var now = args.like(EVIDENCE.UPDATED_AT);
            var update = db.update(EVIDENCE)
                    .set(EVIDENCE.STATUS, args.like(EVIDENCE.STATUS))
                    .set(EVIDENCE.VERSION, EVIDENCE.VERSION.plus(1))
                    .set(EVIDENCE.UPDATED_AT, now);
            if (review) {
                update = update.set(EVIDENCE.REVIEW_COMMENT, args.like(EVIDENCE.REVIEW_COMMENT))
                        .set(EVIDENCE.REVIEWED_BY, args.like(EVIDENCE.REVIEWED_BY))
                        .set(EVIDENCE.REVIEWED_AT, now);
            }
            return update.where(EVIDENCE.ID.eq(args.like(EVIDENCE.ID)))
                    .and(EVIDENCE.VERSION.eq(args.like(EVIDENCE.VERSION)))
                    .returning();
        });
    }

    private static InsertResultStep<EvidenceRecord> inserting(DSLContext db, FixedStatement.Arguments args) {
        return db.insertInto(EVIDENCE)
                .set(EVIDENCE.TENANT_ID, args.like(EVIDENCE.TENANT_ID))
                .set(EVIDENCE.ID, args.like(EVIDENCE.ID))
                .set(EVIDENCE.PERSON_ID, args.like(EVIDENCE.PERSON_ID))
                .set(EVIDENCE.LOGGED_BY, args.like(EVIDENCE.LOGGED_BY))
                .set(EVIDENCE.ON_BEHALF, args.like(EVIDENCE.ON_BEHALF))
                .set(EVIDENCE.KIND, args.like(EVIDENCE.KIND))
                .set(EVIDENCE.TITLE, args.like(EVIDENCE.TITLE))
                .set(EVIDENCE.DESCRIPTION, args.like(EVIDENCE.DESCRIPTION))
                .set(EVIDENCE.OCCURRED_ON, args.like(EVIDENCE.OCCURRED_ON))
                .set(EVIDENCE.LINKS, args.like(EVIDENCE.LINKS))
                .set(EVIDENCE.IMPACT, args.like(EVIDENCE.IMPACT))
                .set(EVIDENCE.SOURCE, args.like(EVIDENCE.SOURCE))
                .set(EVIDENCE.EXTERNAL_ID, args.like(EVIDENCE.EXTERNAL_ID))
                .set(EVIDENCE.STATUS, args.like(EVIDENCE.STATUS))
                .onConflict(EVIDENCE.TENANT_ID, EVIDENCE.SOURCE, EVIDENCE.EXTERNAL_ID)
                .where(EVIDENCE.EXTERNAL_ID.isNotNull())
                .doNothing()
                .returning();
    }
}
