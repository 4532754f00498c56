package org.trellis.api.readiness;

import static org.trellis.persistence.jooq.Tables.FRAMEWORK_LEVEL;
import static org.trellis.persistence.jooq.Tables.PROMOTION_CASE;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.trellis.api.readiness.PromotionCase.CaseStatus;
import tools.jackson.databind.json.JsonMapper;

/** Promotion cases of the transaction's tenant. */
@Repository
class PromotionCases {

    /** Cases listed per person at most, newest first. */
    static final int MAX_PER_PERSON = 20;

    /** Open cases the committee view shows at most, oldest first. */
    static final int MAX_COMMITTEE = 50;

    private final DSLContext db;
    private final JsonMapper json;

    PromotionCases(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    Optional<PromotionCase> find(UUID id) {
        return db.selectFrom(PROMOTION_CASE).where(PROMOTION_CASE.ID.eq(id)).fetchOptional(this::toCase);
    }

    List<PromotionCase> findAll(Collection<UUID> ids) {
        return db.selectFrom(PROMOTION_CASE).where(PROMOTION_CASE.ID.in(ids)).fetch(this::toCase);
    }

    List<PromotionCase> ofPerson(UUID personId) {
        return db.selectFrom(PROMOTION_CASE)
                .where(PROMOTION_CASE.PERSON_ID.eq(personId))
                .orderBy(PROMOTION_CASE.CREATED_AT.desc(), PROMOTION_CASE.ID)
                .limit(MAX_PER_PERSON)
                .fetch(this::toCase);
    }

    /** Open cases for levels with this code, in every framework version, oldest first. */
    List<PromotionCase> openAtLevel(String levelCode) {
        return db.select(PROMOTION_CASE.fields())
                .from(PROMOTION_CASE)
                .join(FRAMEWORK_LEVEL)
                .on(FRAMEWORK_LEVEL.TENANT_ID.eq(PROMOTION_CASE.TENANT_ID))
                .and(FRAMEWORK_LEVEL.ID.eq(PROMOTION_CASE.LEVEL_ID))
                .where(FRAMEWORK_LEVEL.CODE.eq(levelCode))
                .and(PROMOTION_CASE.STATUS.in(CaseStatus.NOMINATED.name(), CaseStatus.IN_REVIEW.name()))
                .orderBy(PROMOTION_CASE.CREATED_AT, PROMOTION_CASE.ID)
                .limit(MAX_COMMITTEE)
                .fetch(this::toCase);
    }

    boolean hasOpen(UUID personId) {
        return db.fetchExists(db.selectFrom(PROMOTION_CASE)
                .where(PROMOTION_CASE.PERSON_ID.eq(personId))
                .and(PROMOTION_CASE.STATUS.in(CaseStatus.NOMINATED.name(), CaseStatus.IN_REVIEW.name())));
    }

    PromotionCase insert(
            UUID tenantId,
            UUID personId,
            UUID levelId,
            UUID nominatedBy,
            @Nullable String note,
            PromotionCase.Frozen frozen) {
        return db.insertInto(PROMOTION_CASE)
                .set(PROMOTION_CASE.TENANT_ID, tenantId)
                .set(PROMOTION_CASE.ID, UUID.randomUUID())
                .set(PROMOTION_CASE.PERSON_ID, personId)
                .set(PROMOTION_CASE.LEVEL_ID, levelId)
                .set(PROMOTION_CASE.STATUS, CaseStatus.NOMINATED.name())
                .set(PROMOTION_CASE.NOMINATED_BY, nominatedBy)
                .set(PROMOTION_CASE.NOTE, note)
                .set(PROMOTION_CASE.FROZEN, JSONB.valueOf(json.writeValueAsString(frozen)))
                .returning()
                .fetchSingle(this::toCase);
    }

    /** Moves a case at {@code expectedVersion} from {@code from}; empty when it is at another version or state. */
    Optional<PromotionCase> move(
            UUID id,
            int expectedVersion,
            CaseStatus from,
            CaseStatus to,
            @Nullable String reason,
            @Nullable UUID decidedBy) {
        boolean decided = to == CaseStatus.APPROVED || to == CaseStatus.DEFERRED;
        return db.update(PROMOTION_CASE)
                .set(PROMOTION_CASE.STATUS, to.name())
                .set(PROMOTION_CASE.DECISION_REASON, reason)
                .set(PROMOTION_CASE.DECIDED_BY, decidedBy)
                .set(PROMOTION_CASE.DECIDED_AT, decided ? Instant.now() : null)
                .set(PROMOTION_CASE.VERSION, PROMOTION_CASE.VERSION.plus(1))
                .set(PROMOTION_CASE.UPDATED_AT, Instant.now())
                .where(PROMOTION_CASE.ID.eq(id))
                .and(PROMOTION_CASE.VERSION.eq(expectedVersion))
                .and(PROMOTION_CASE.STATUS.eq(from.name()))
                .returning()
                .fetchOptional(this::toCase);
    }

    private PromotionCase toCase(Record row) {
        return new PromotionCase(
                row.get(PROMOTION_CASE.ID),
                row.get(PROMOTION_CASE.PERSON_ID),
                row.get(PROMOTION_CASE.LEVEL_ID),
                CaseStatus.valueOf(row.get(PROMOTION_CASE.STATUS)),
                row.get(PROMOTION_CASE.NOMINATED_BY),
                row.get(PROMOTION_CASE.NOTE),
                json.readValue(row.get(PROMOTION_CASE.FROZEN).data(), PromotionCase.Frozen.class),
                row.get(PROMOTION_CASE.DECISION_REASON),
                row.get(PROMOTION_CASE.DECIDED_BY),
                row.get(PROMOTION_CASE.DECIDED_AT),
                row.get(PROMOTION_CASE.VERSION),
                row.get(PROMOTION_CASE.CREATED_AT));
    }
}
