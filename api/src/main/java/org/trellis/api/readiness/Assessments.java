package org.trellis.api.readiness;

import static org.trellis.persistence.jooq.Tables.ASSESSMENT;
import static org.trellis.persistence.jooq.Tables.ASSESSMENT_CYCLE;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.trellis.api.readiness.ReadinessEngine.Rating;

/** Assessment cycles and assessments of the transaction's tenant. */
@Repository
class Assessments {

    /** Cycles a tenant keeps listed (newest first). */
    static final int MAX_CYCLES = 100;

    private final DSLContext db;

    Assessments(DSLContext db) {
        this.db = db;
    }

    List<AssessmentCycle> cycles() {
        return db.selectFrom(ASSESSMENT_CYCLE)
                .orderBy(ASSESSMENT_CYCLE.OPENS_ON.desc(), ASSESSMENT_CYCLE.ID)
                .limit(MAX_CYCLES)
                .fetch(Assessments::toCycle);
    }

    List<AssessmentCycle> cycles(java.util.Collection<UUID> ids) {
        return db.selectFrom(ASSESSMENT_CYCLE)
                .where(ASSESSMENT_CYCLE.ID.in(ids))
                .fetch(Assessments::toCycle);
    }

    Optional<AssessmentCycle> cycle(UUID id) {
        return db.selectFrom(ASSESSMENT_CYCLE).where(ASSESSMENT_CYCLE.ID.eq(id)).fetchOptional(Assessments::toCycle);
    }

    /** The open cycle that accepts assessments on {@code day}, the latest opened if several do. */
    Optional<AssessmentCycle> openOn(LocalDate day) {
        return db.selectFrom(ASSESSMENT_CYCLE)
                .where(ASSESSMENT_CYCLE.STATUS.eq(AssessmentCycle.Status.OPEN.name()))
                .and(ASSESSMENT_CYCLE.OPENS_ON.le(day))
                .and(ASSESSMENT_CYCLE.CLOSES_ON.ge(day))
                .orderBy(ASSESSMENT_CYCLE.OPENS_ON.desc(), ASSESSMENT_CYCLE.ID)
                .limit(1)
                .fetchOptional(Assessments::toCycle);
    }

    AssessmentCycle insertCycle(UUID tenantId, String name, LocalDate opensOn, LocalDate closesOn) {
        return db.insertInto(ASSESSMENT_CYCLE)
                .set(ASSESSMENT_CYCLE.TENANT_ID, tenantId)
                .set(ASSESSMENT_CYCLE.ID, UUID.randomUUID())
                .set(ASSESSMENT_CYCLE.NAME, name)
                .set(ASSESSMENT_CYCLE.OPENS_ON, opensOn)
                .set(ASSESSMENT_CYCLE.CLOSES_ON, closesOn)
                .set(ASSESSMENT_CYCLE.STATUS, AssessmentCycle.Status.OPEN.name())
                .returning()
                .fetchSingle(Assessments::toCycle);
    }

    Optional<AssessmentCycle> setStatus(UUID id, AssessmentCycle.Status status) {
        return db.update(ASSESSMENT_CYCLE)
                .set(ASSESSMENT_CYCLE.STATUS, status.name())
                .where(ASSESSMENT_CYCLE.ID.eq(id))
                .returning()
                .fetchOptional(Assessments::toCycle);
    }

    /** Records a rating; a second rating of the same kind in the same cycle replaces the first. */
    Assessment upsert(
            UUID tenantId,
            UUID cycleId,
            UUID personId,
            UUID competencyId,
            UUID versionId,
            UUID levelId,
            Assessment.Kind kind,
            Rating rating,
            @Nullable String comment,
            UUID assessedBy) {
        return db.insertInto(ASSESSMENT)
                .set(ASSESSMENT.TENANT_ID, tenantId)
                .set(ASSESSMENT.ID, UUID.randomUUID())
                .set(ASSESSMENT.CYCLE_ID, cycleId)
                .set(ASSESSMENT.PERSON_ID, personId)
                .set(ASSESSMENT.COMPETENCY_ID, competencyId)
                .set(ASSESSMENT.VERSION_ID, versionId)
                .set(ASSESSMENT.LEVEL_ID, levelId)
                .set(ASSESSMENT.KIND, kind.name())
                .set(ASSESSMENT.RATING, rating.name())
                .set(ASSESSMENT.COMMENT, comment)
                .set(ASSESSMENT.ASSESSED_BY, assessedBy)
                .onConflict(
                        ASSESSMENT.TENANT_ID,
                        ASSESSMENT.CYCLE_ID,
                        ASSESSMENT.PERSON_ID,
                        ASSESSMENT.COMPETENCY_ID,
                        ASSESSMENT.KIND)
                .doUpdate()
                .set(ASSESSMENT.RATING, rating.name())
                .set(ASSESSMENT.COMMENT, comment)
                .set(ASSESSMENT.ASSESSED_BY, assessedBy)
                .set(ASSESSMENT.VERSION_ID, versionId)
                .set(ASSESSMENT.LEVEL_ID, levelId)
                .set(ASSESSMENT.ASSESSED_AT, Instant.now())
                .returning()
                .fetchSingle(Assessments::toAssessment);
    }

    static Assessment toAssessment(Record row) {
        return new Assessment(
                row.get(ASSESSMENT.ID),
                row.get(ASSESSMENT.CYCLE_ID),
                row.get(ASSESSMENT.PERSON_ID),
                row.get(ASSESSMENT.COMPETENCY_ID),
                row.get(ASSESSMENT.VERSION_ID),
                row.get(ASSESSMENT.LEVEL_ID),
                Assessment.Kind.valueOf(row.get(ASSESSMENT.KIND)),
                Rating.valueOf(row.get(ASSESSMENT.RATING)),
                row.get(ASSESSMENT.COMMENT),
                row.get(ASSESSMENT.ASSESSED_BY),
                row.get(ASSESSMENT.ASSESSED_AT));
    }

    private static AssessmentCycle toCycle(Record row) {
        return new AssessmentCycle(
                row.get(ASSESSMENT_CYCLE.ID),
                row.get(ASSESSMENT_CYCLE.NAME),
                row.get(ASSESSMENT_CYCLE.OPENS_ON),
                row.get(ASSESSMENT_CYCLE.CLOSES_ON),
                AssessmentCycle.Status.valueOf(row.get(ASSESSMENT_CYCLE.STATUS)),
                row.get(ASSESSMENT_CYCLE.CREATED_AT));
    }

    /** The latest self and manager assessment of one competency. */
    record Pair(@Nullable Assessment self, @Nullable Assessment manager) {

        static Pair of(Assessment assessment) {
            return assessment.kind() == Assessment.Kind.SELF ? new Pair(assessment, null) : new Pair(null, assessment);
        }

        Pair merge(Pair other) {
            return new Pair(self != null ? self : other.self, manager != null ? manager : other.manager);
        }
    }
}
