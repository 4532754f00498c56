package org.trellis.api.frameworks;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.max;
import static org.trellis.persistence.jooq.Tables.FRAMEWORK;
import static org.trellis.persistence.jooq.Tables.FRAMEWORK_COMPETENCY;
import static org.trellis.persistence.jooq.Tables.FRAMEWORK_EXPECTATION;
import static org.trellis.persistence.jooq.Tables.FRAMEWORK_LEVEL;
import static org.trellis.persistence.jooq.Tables.FRAMEWORK_VERSION;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.trellis.api.shared.ConflictException;

/** Frameworks of the transaction's tenant: versions and their content. */
@Repository
class Frameworks {

    private final DSLContext db;

    Frameworks(DSLContext db) {
        this.db = db;
    }

    List<Framework> all() {
        return db.selectFrom(FRAMEWORK).orderBy(lower(FRAMEWORK.NAME)).fetch(Frameworks::toFramework);
    }

    List<Framework> findByIds(Collection<UUID> ids) {
        return db.selectFrom(FRAMEWORK).where(FRAMEWORK.ID.in(ids)).fetch(Frameworks::toFramework);
    }

    Optional<Framework> findByName(String name) {
        return db.selectFrom(FRAMEWORK)
                .where(lower(FRAMEWORK.NAME).eq(name.toLowerCase(Locale.ROOT)))
                .fetchOptional(Frameworks::toFramework);
    }

    Framework insertFramework(UUID tenantId, String name, @Nullable String description) {
        return db.insertInto(FRAMEWORK)
                .set(FRAMEWORK.TENANT_ID, tenantId)
                .set(FRAMEWORK.ID, UUID.randomUUID())
                .set(FRAMEWORK.NAME, name)
                .set(FRAMEWORK.DESCRIPTION, description)
                .returning()
                .fetchSingle(Frameworks::toFramework);
    }

    Optional<FrameworkVersion> version(UUID id) {
        return db.selectFrom(FRAMEWORK_VERSION)
                .where(FRAMEWORK_VERSION.ID.eq(id))
                .fetchOptional(Frameworks::toVersion);
    }

    List<FrameworkVersion> versions(Collection<UUID> ids) {
        return db.selectFrom(FRAMEWORK_VERSION)
                .where(FRAMEWORK_VERSION.ID.in(ids))
                .fetch(Frameworks::toVersion);
    }

    List<FrameworkVersion> versionsOf(Collection<UUID> frameworkIds) {
        return db.selectFrom(FRAMEWORK_VERSION)
                .where(FRAMEWORK_VERSION.FRAMEWORK_ID.in(frameworkIds))
                .orderBy(FRAMEWORK_VERSION.NUMBER)
                .fetch(Frameworks::toVersion);
    }

    boolean hasDraft(UUID frameworkId) {
        return db.fetchExists(
                FRAMEWORK_VERSION,
                FRAMEWORK_VERSION.FRAMEWORK_ID.eq(frameworkId).and(FRAMEWORK_VERSION.STATUS.eq("DRAFT")));
    }

    /** The {@code @listSize} of {@code Framework.versions} in frameworks.graphqls. */
    static final int MAX_VERSIONS = 100;

    FrameworkVersion insertVersion(
            UUID tenantId, UUID frameworkId, FrameworkVersion.Status status, @Nullable String guidance) {
        int number = db.select(coalesce(max(FRAMEWORK_VERSION.NUMBER), 0))
                        .from(FRAMEWORK_VERSION)
                        .where(FRAMEWORK_VERSION.FRAMEWORK_ID.eq(frameworkId))
                        .fetchSingle()
                        .value1()
                + 1;
        if (number > MAX_VERSIONS) {
            throw new ConflictException("A framework keeps at most " + MAX_VERSIONS + " versions.");
        }
        return db.insertInto(FRAMEWORK_VERSION)
                .set(FRAMEWORK_VERSION.TENANT_ID, tenantId)
                .set(FRAMEWORK_VERSION.ID, UUID.randomUUID())
                .set(FRAMEWORK_VERSION.FRAMEWORK_ID, frameworkId)
                .set(FRAMEWORK_VERSION.NUMBER, number)
                .set(FRAMEWORK_VERSION.STATUS, status.name())
                .set(FRAMEWORK_VERSION.GUIDANCE, guidance)
                .set(FRAMEWORK_VERSION.PUBLISHED_AT, status == FrameworkVersion.Status.PUBLISHED ? Instant.now() : null)
                .returning()
                .fetchSingle(Frameworks::toVersion);
    }

    FrameworkVersion setStatus(UUID id, FrameworkVersion.Status status) {
        var update = db.update(FRAMEWORK_VERSION).set(FRAMEWORK_VERSION.STATUS, status.name());
        var withTime = status == FrameworkVersion.Status.PUBLISHED
                ? update.set(FRAMEWORK_VERSION.PUBLISHED_AT, Instant.now())
                : update.set(FRAMEWORK_VERSION.RETIRED_AT, Instant.now());
        return withTime.where(FRAMEWORK_VERSION.ID.eq(id)).returning().fetchSingle(Frameworks::toVersion);
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

    List<Level> levelsOf(Collection<UUID> versionIds) {
        return db.selectFrom(FRAMEWORK_LEVEL)
                .where(FRAMEWORK_LEVEL.VERSION_ID.in(versionIds))
                .orderBy(FRAMEWORK_LEVEL.POSITION)
                .fetch(Frameworks::toLevel);
    }

    List<Level> levels(Collection<UUID> ids) {
        return db.selectFrom(FRAMEWORK_LEVEL).where(FRAMEWORK_LEVEL.ID.in(ids)).fetch(Frameworks::toLevel);
    }

    List<Competency> competenciesOf(Collection<UUID> versionIds) {
        return db.selectFrom(FRAMEWORK_COMPETENCY)
                .where(FRAMEWORK_COMPETENCY.VERSION_ID.in(versionIds))
                .orderBy(FRAMEWORK_COMPETENCY.POSITION)
                .fetch(Frameworks::toCompetency);
    }

    List<Competency> competencies(Collection<UUID> ids) {
        return db.selectFrom(FRAMEWORK_COMPETENCY)
                .where(FRAMEWORK_COMPETENCY.ID.in(ids))
                .fetch(Frameworks::toCompetency);
    }

    List<Expectation> expectationsOf(Collection<UUID> competencyIds) {
        return db.select(FRAMEWORK_EXPECTATION.fields())
                .from(FRAMEWORK_EXPECTATION)
                .join(FRAMEWORK_LEVEL)
                .on(FRAMEWORK_LEVEL.ID.eq(FRAMEWORK_EXPECTATION.LEVEL_ID))
                .where(FRAMEWORK_EXPECTATION.COMPETENCY_ID.in(competencyIds))
                .orderBy(FRAMEWORK_LEVEL.POSITION)
                .fetch(Frameworks::toExpectation);
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

    /** A version as a document, for export and for copying into a new draft. */
    FrameworkDocument document(Framework framework, FrameworkVersion version) {
        List<Level> levels = levelsOf(List.of(version.id()));
        Map<UUID, String> codes = levels.stream().collect(Collectors.toMap(Level::id, Level::code));
        List<Competency> competencies = competenciesOf(List.of(version.id()));
        Map<UUID, List<Expectation>> expectations = competencies.isEmpty()
                ? Map.of()
                : expectationsOf(competencies.stream().map(Competency::id).toList()).stream()
                        .collect(Collectors.groupingBy(Expectation::competencyId));
        return new FrameworkDocument(
                framework.name(),
                framework.description(),
                version.guidance(),
                levels.stream()
                        .map(l -> new FrameworkDocument.LevelDoc(l.code(), l.title(), l.jobLevel()))
                        .toList(),
                competencies.stream()
                        .map(c -> new FrameworkDocument.CompetencyDoc(
                                c.key(),
                                c.theme(),
                                c.name(),
                                c.description(),
                                expectations.getOrDefault(c.id(), List.of()).stream()
                                        .map(e -> new FrameworkDocument.ExpectationDoc(
                                                codes.get(e.levelId()), e.description(), e.examples(), e.rule()))
                                        .toList()))
                        .toList());
    }

    private static Framework toFramework(Record row) {
        return new Framework(
                row.get(FRAMEWORK.ID),
                row.get(FRAMEWORK.NAME),
                row.get(FRAMEWORK.DESCRIPTION),
                row.get(FRAMEWORK.CREATED_AT));
    }

    private static FrameworkVersion toVersion(Record row) {
        return new FrameworkVersion(
                row.get(FRAMEWORK_VERSION.ID),
                row.get(FRAMEWORK_VERSION.FRAMEWORK_ID),
                row.get(FRAMEWORK_VERSION.NUMBER),
                FrameworkVersion.Status.valueOf(row.get(FRAMEWORK_VERSION.STATUS)),
                row.get(FRAMEWORK_VERSION.GUIDANCE),
                row.get(FRAMEWORK_VERSION.CREATED_AT),
                row.get(FRAMEWORK_VERSION.PUBLISHED_AT),
                row.get(FRAMEWORK_VERSION.RETIRED_AT));
    }

    private static Level toLevel(Record row) {
        return new Level(
                row.get(FRAMEWORK_LEVEL.ID),
                row.get(FRAMEWORK_LEVEL.VERSION_ID),
                row.get(FRAMEWORK_LEVEL.POSITION),
                row.get(FRAMEWORK_LEVEL.CODE),
                row.get(FRAMEWORK_LEVEL.TITLE),
                row.get(FRAMEWORK_LEVEL.JOB_LEVEL));
    }

    private static Competency toCompetency(Record row) {
        return new Competency(
                row.get(FRAMEWORK_COMPETENCY.ID),
                row.get(FRAMEWORK_COMPETENCY.VERSION_ID),
                row.get(FRAMEWORK_COMPETENCY.POSITION),
                row.get(FRAMEWORK_COMPETENCY.KEY),
                row.get(FRAMEWORK_COMPETENCY.THEME),
                row.get(FRAMEWORK_COMPETENCY.NAME),
                row.get(FRAMEWORK_COMPETENCY.DESCRIPTION));
    }

    private static Expectation toExpectation(Record row) {
        return new Expectation(
                row.get(FRAMEWORK_EXPECTATION.COMPETENCY_ID),
                row.get(FRAMEWORK_EXPECTATION.LEVEL_ID),
                row.get(FRAMEWORK_EXPECTATION.DESCRIPTION),
                List.of(row.get(FRAMEWORK_EXPECTATION.EXAMPLES)),
                new Expectation.Rule(
                        row.get(FRAMEWORK_EXPECTATION.MIN_ENDORSED_EVIDENCE),
                        row.get(FRAMEWORK_EXPECTATION.RECENCY_MONTHS),
                        row.get(FRAMEWORK_EXPECTATION.MIN_DISTINCT_KINDS),
                        row.get(FRAMEWORK_EXPECTATION.REQUIRED)));
    }
}
