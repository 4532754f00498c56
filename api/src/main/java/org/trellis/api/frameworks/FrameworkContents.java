package org.trellis.api.frameworks;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;
import static org.trellis.persistence.jooq.Tables.FRAMEWORK_ASSIGNMENT;
import static org.trellis.persistence.jooq.Tables.FRAMEWORK_COMPETENCY;
import static org.trellis.persistence.jooq.Tables.FRAMEWORK_EXPECTATION;
import static org.trellis.persistence.jooq.Tables.FRAMEWORK_LEVEL;
import static org.trellis.persistence.jooq.Tables.FRAMEWORK_VERSION;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.trellis.persistence.FixedStatement;

/** Levels, competencies and expectations of the transaction's tenant's framework versions, and a version as a document. */
@Repository
class FrameworkContents {

    private final DSLContext db;
    private final FixedStatement currentCompetencyIds;

    FrameworkContents(DSLContext db) {
        this.db = db;
        this.currentCompetencyIds = FixedStatement.of(
                db,
                args -> db.select(FRAMEWORK_COMPETENCY.ID)
                        .from(FRAMEWORK_COMPETENCY)
                        .where(FRAMEWORK_COMPETENCY.VERSION_ID.eq(
                                currentVersionOf(args.like(FRAMEWORK_ASSIGNMENT.PERSON_ID)))));
    }

    List<Level> levelsOf(Collection<UUID> versionIds) {
        return db.selectFrom(FRAMEWORK_LEVEL)
                .where(FRAMEWORK_LEVEL.VERSION_ID.in(versionIds))
                .orderBy(FRAMEWORK_LEVEL.POSITION)
                .fetch(FrameworkContents::toLevel);
    }

    List<Level> levels(Collection<UUID> ids) {
        return db.selectFrom(FRAMEWORK_LEVEL).where(FRAMEWORK_LEVEL.ID.in(ids)).fetch(FrameworkContents::toLevel);
    }

    List<Competency> competenciesOf(Collection<UUID> versionIds) {
        return db.selectFrom(FRAMEWORK_COMPETENCY)
                .where(FRAMEWORK_COMPETENCY.VERSION_ID.in(versionIds))
                .orderBy(FRAMEWORK_COMPETENCY.POSITION)
                .fetch(FrameworkContents::toCompetency);
    }

    /** Competencies of these versions, and which of the versions are published or retired (never change). */
    VersionCompetencies competenciesWithStatus(Collection<UUID> versionIds) {
        return withStatus(FRAMEWORK_COMPETENCY.VERSION_ID.in(versionIds));
    }

    private VersionCompetencies withStatus(Condition condition) {
        Set<UUID> unchanging = new HashSet<>();
        List<Competency> competencies = db.select(FRAMEWORK_COMPETENCY.fields())
                .select(FRAMEWORK_VERSION.STATUS)
                .from(FRAMEWORK_COMPETENCY)
                .join(FRAMEWORK_VERSION)
                .on(FRAMEWORK_VERSION.TENANT_ID.eq(FRAMEWORK_COMPETENCY.TENANT_ID))
                .and(FRAMEWORK_VERSION.ID.eq(FRAMEWORK_COMPETENCY.VERSION_ID))
                .where(condition)
                .orderBy(FRAMEWORK_COMPETENCY.POSITION)
                .fetch(row -> {
                    if (!"DRAFT".equals(row.get(FRAMEWORK_VERSION.STATUS))) {
                        unchanging.add(row.get(FRAMEWORK_COMPETENCY.VERSION_ID));
                    }
                    return toCompetency(row);
                });
        return new VersionCompetencies(competencies, unchanging);
    }

    record VersionCompetencies(List<Competency> competencies, Set<UUID> unchanging) {}

    /** Competencies by id, with which of their versions never change again (published or retired). */
    VersionCompetencies competenciesByIdWithStatus(Collection<UUID> ids) {
        return withStatus(FRAMEWORK_COMPETENCY.ID.in(ids));
    }

    /** The competencies of the framework version a person is assigned to now, in order (one statement). */
    List<Competency> currentCompetenciesOf(UUID personId) {
        return db.selectFrom(FRAMEWORK_COMPETENCY)
                .where(FRAMEWORK_COMPETENCY.VERSION_ID.eq(currentVersionOf(personId)))
                .orderBy(FRAMEWORK_COMPETENCY.POSITION)
                .fetch(FrameworkContents::toCompetency);
    }

    /**
     * Only the ids of those competencies, for validating what evidence and goals name: the descriptions, which are
     * the bulk of a row, are not read.
     */
    Set<UUID> currentCompetencyIdsOf(UUID personId) {
        return currentCompetencyIds.with(personId).fetchSet(FRAMEWORK_COMPETENCY.ID);
    }

    private static Field<UUID> currentVersionOf(UUID personId) {
        return currentVersionOf(DSL.val(personId));
    }

    private static Field<UUID> currentVersionOf(Field<UUID> personId) {
        return field(select(FRAMEWORK_ASSIGNMENT.VERSION_ID)
                .from(FRAMEWORK_ASSIGNMENT)
                .where(FRAMEWORK_ASSIGNMENT.PERSON_ID.eq(personId))
                .and(FRAMEWORK_ASSIGNMENT.ENDED_AT.isNull())
                .orderBy(FRAMEWORK_ASSIGNMENT.ASSIGNED_AT.desc())
                .limit(1));
    }

    List<Expectation> expectationsOf(Collection<UUID> competencyIds) {
        return db.select(FRAMEWORK_EXPECTATION.fields())
                .from(FRAMEWORK_EXPECTATION)
                .join(FRAMEWORK_LEVEL)
                .on(FRAMEWORK_LEVEL.ID.eq(FRAMEWORK_EXPECTATION.LEVEL_ID))
                .where(FRAMEWORK_EXPECTATION.COMPETENCY_ID.in(competencyIds))
                .orderBy(FRAMEWORK_LEVEL.POSITION)
                .fetch(FrameworkContents::toExpectation);
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
