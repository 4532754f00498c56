package org.trellis.api.frameworks;

import static org.trellis.persistence.jooq.Tables.FRAMEWORK_COMPETENCY;
import static org.trellis.persistence.jooq.Tables.FRAMEWORK_EXPECTATION;
import static org.trellis.persistence.jooq.Tables.FRAMEWORK_LEVEL;
import static org.trellis.persistence.jooq.Tables.FRAMEWORK_VERSION;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** Writes a version's content: whole documents into new versions and drafts, and one expectation of a draft. */
@Repository
class FrameworkContentWriter {

    private final DSLContext db;

    FrameworkContentWriter(DSLContext db) {
        this.db = db;
    }

    /** Writes a document's levels, competencies and expectations into a version: three statements in all. */
    void insertContent(UUID tenantId, UUID versionId, FrameworkDocument document) {
        Map<String, UUID> levelIds = new HashMap<>();
        var levels = db.insertInto(
                FRAMEWORK_LEVEL,
                FRAMEWORK_LEVEL.TENANT_ID,
                FRAMEWORK_LEVEL.ID,
                FRAMEWORK_LEVEL.VERSION_ID,
                FRAMEWORK_LEVEL.POSITION,
                FRAMEWORK_LEVEL.CODE,
                FRAMEWORK_LEVEL.TITLE,
                FRAMEWORK_LEVEL.JOB_LEVEL);
        for (int i = 0; i < document.levels().size(); i++) {
            var level = document.levels().get(i);
            UUID id = UUID.randomUUID();
            levelIds.put(level.code(), id);
            levels = levels.values(tenantId, id, versionId, i, level.code(), level.title(), level.jobLevel());
        }
        levels.execute();
        var competencies = db.insertInto(
                FRAMEWORK_COMPETENCY,
                FRAMEWORK_COMPETENCY.TENANT_ID,
                FRAMEWORK_COMPETENCY.ID,
                FRAMEWORK_COMPETENCY.VERSION_ID,
                FRAMEWORK_COMPETENCY.POSITION,
                FRAMEWORK_COMPETENCY.KEY,
                FRAMEWORK_COMPETENCY.THEME,
                FRAMEWORK_COMPETENCY.NAME,
                FRAMEWORK_COMPETENCY.DESCRIPTION);
        var expectations = db.insertInto(
                FRAMEWORK_EXPECTATION,
                FRAMEWORK_EXPECTATION.TENANT_ID,
                FRAMEWORK_EXPECTATION.COMPETENCY_ID,
                FRAMEWORK_EXPECTATION.LEVEL_ID,
                FRAMEWORK_EXPECTATION.DESCRIPTION,
                FRAMEWORK_EXPECTATION.EXAMPLES,
                FRAMEWORK_EXPECTATION.MIN_ENDORSED_EVIDENCE,
                FRAMEWORK_EXPECTATION.RECENCY_MONTHS,
                FRAMEWORK_EXPECTATION.MIN_DISTINCT_KINDS,
                FRAMEWORK_EXPECTATION.REQUIRED);
        boolean anyExpectation = false;
        for (int i = 0; i < document.competencies().size(); i++) {
            var competency = document.competencies().get(i);
            UUID id = UUID.randomUUID();
            competencies = competencies.values(
                    tenantId,
                    id,
                    versionId,
                    i,
                    competency.key(),
                    competency.theme(),
                    competency.name(),
                    competency.description());
            for (var expectation : competency.expectations()) {
                anyExpectation = true;
                expectations = expectations.values(
                        tenantId,
                        id,
                        levelIds.get(expectation.level()),
                        expectation.description(),
                        expectation.examples().toArray(String[]::new),
                        expectation.rule().minEndorsedEvidence(),
                        expectation.rule().recencyMonths(),
                        expectation.rule().minDistinctKinds(),
                        expectation.rule().required());
            }
        }
        competencies.execute();
        if (anyExpectation) {
            expectations.execute();
        }
    }

    /** Removes a version's content (drafts only: the service checks) and sets its guidance. */
    void clearContent(UUID versionId, @Nullable String guidance) {
        db.deleteFrom(FRAMEWORK_EXPECTATION)
                .where(FRAMEWORK_EXPECTATION.COMPETENCY_ID.in(db.select(FRAMEWORK_COMPETENCY.ID)
                        .from(FRAMEWORK_COMPETENCY)
                        .where(FRAMEWORK_COMPETENCY.VERSION_ID.eq(versionId))))
                .execute();
        db.deleteFrom(FRAMEWORK_COMPETENCY)
                .where(FRAMEWORK_COMPETENCY.VERSION_ID.eq(versionId))
                .execute();
        db.deleteFrom(FRAMEWORK_LEVEL)
                .where(FRAMEWORK_LEVEL.VERSION_ID.eq(versionId))
                .execute();
        db.update(FRAMEWORK_VERSION)
                .set(FRAMEWORK_VERSION.GUIDANCE, guidance)
                .where(FRAMEWORK_VERSION.ID.eq(versionId))
                .execute();
    }

    int updateExpectation(
            UUID competencyId, UUID levelId, String description, List<String> examples, Expectation.Rule rule) {
        return db.update(FRAMEWORK_EXPECTATION)
                .set(FRAMEWORK_EXPECTATION.DESCRIPTION, description)
                .set(FRAMEWORK_EXPECTATION.EXAMPLES, examples.toArray(String[]::new))
                .set(FRAMEWORK_EXPECTATION.MIN_ENDORSED_EVIDENCE, rule.minEndorsedEvidence())
                .set(FRAMEWORK_EXPECTATION.RECENCY_MONTHS, rule.recencyMonths())
                .set(FRAMEWORK_EXPECTATION.MIN_DISTINCT_KINDS, rule.minDistinctKinds())
                .set(FRAMEWORK_EXPECTATION.REQUIRED, rule.required())
                .where(FRAMEWORK_EXPECTATION.COMPETENCY_ID.eq(competencyId))
                .and(FRAMEWORK_EXPECTATION.LEVEL_ID.eq(levelId))
                .execute();
    }
}
