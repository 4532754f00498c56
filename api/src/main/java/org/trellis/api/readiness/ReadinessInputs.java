package org.trellis.api.readiness;

import static org.trellis.persistence.jooq.Tables.ASSESSMENT;
import static org.trellis.persistence.jooq.Tables.FRAMEWORK_ASSIGNMENT;
import static org.trellis.persistence.jooq.Tables.FRAMEWORK_COMPETENCY;
import static org.trellis.persistence.jooq.Tables.FRAMEWORK_EXPECTATION;
import static org.trellis.persistence.jooq.Tables.FRAMEWORK_LEVEL;
import static org.trellis.persistence.jooq.Tables.FRAMEWORK_VERSION;
import static org.trellis.persistence.jooq.Tables.READINESS_CELL;
import static org.trellis.persistence.jooq.Tables.READINESS_SNAPSHOT;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.trellis.api.readiness.ReadinessEngine.Item;
import org.trellis.api.readiness.ReadinessEngine.Policy;
import org.trellis.api.readiness.ReadinessEngine.Rule;
import org.trellis.persistence.jooq.tables.FrameworkLevel;

/**
 * Everything readiness is decided from, for any number of people, in a fixed number of statements: their current
 * assignments with target level and policy, the rules of those levels, the rollup cells, the latest assessments, and
 * since when each has been ready. Cells and assessments are matched by competency key, so evidence logged against an
 * earlier version of the framework still counts.
 */
@Repository
class ReadinessInputs {

    private final DSLContext db;

    ReadinessInputs(DSLContext db) {
        this.db = db;
    }

    /**
     * Current assignments: the target level is the assigned one, else the level above the current one, else the
     * current level (the top of the ladder).
     */
    Map<UUID, Subject> subjects(Collection<UUID> personIds) {
        FrameworkLevel current = FRAMEWORK_LEVEL.as("current");
        FrameworkLevel above = FRAMEWORK_LEVEL.as("above");
        Field<UUID> next = DSL.select(above.ID)
                .from(above)
                .where(above.VERSION_ID.eq(FRAMEWORK_ASSIGNMENT.VERSION_ID))
                .and(above.POSITION.gt(current.POSITION))
                .orderBy(above.POSITION)
                .limit(1)
                .asField();
        Field<UUID> level =
                DSL.coalesce(FRAMEWORK_ASSIGNMENT.TARGET_LEVEL_ID, next, FRAMEWORK_ASSIGNMENT.CURRENT_LEVEL_ID);
        Map<UUID, Subject> result = new HashMap<>();
        db.select(
                        FRAMEWORK_ASSIGNMENT.PERSON_ID,
                        FRAMEWORK_ASSIGNMENT.VERSION_ID,
                        level,
                        FRAMEWORK_ASSIGNMENT.CURRENT_LEVEL_ID,
                        FRAMEWORK_VERSION.READINESS_MIN_MET_PERCENT,
                        FRAMEWORK_VERSION.READINESS_NEARLY_PERCENT,
                        FRAMEWORK_VERSION.READINESS_SUSTAIN_MONTHS)
                .from(FRAMEWORK_ASSIGNMENT)
                .join(FRAMEWORK_VERSION)
                .on(FRAMEWORK_VERSION.TENANT_ID.eq(FRAMEWORK_ASSIGNMENT.TENANT_ID))
                .and(FRAMEWORK_VERSION.ID.eq(FRAMEWORK_ASSIGNMENT.VERSION_ID))
                .join(current)
                .on(current.TENANT_ID.eq(FRAMEWORK_ASSIGNMENT.TENANT_ID))
                .and(current.ID.eq(FRAMEWORK_ASSIGNMENT.CURRENT_LEVEL_ID))
                .where(FRAMEWORK_ASSIGNMENT.PERSON_ID.in(personIds))
                .and(FRAMEWORK_ASSIGNMENT.ENDED_AT.isNull())
                .forEach(row -> result.put(
                        row.value1(),
                        new Subject(
                                row.value1(),
                                row.value2(),
                                row.value3(),
                                row.value4(),
                                new Policy(row.value5(), row.value6(), row.value7()))));
        return result;
    }

    /**
     * The rules of each level, in framework order, and which of the levels belong to versions that never change again
     * (published or retired: only drafts are edited).
     */
    LevelRules rules(Collection<UUID> levelIds) {
        Map<UUID, List<RuleRow>> result = new HashMap<>();
        Set<UUID> unchanging = new HashSet<>();
        if (levelIds.isEmpty()) {
            return new LevelRules(result, unchanging);
        }
        db.select(
                        FRAMEWORK_EXPECTATION.LEVEL_ID,
                        FRAMEWORK_COMPETENCY.ID,
                        FRAMEWORK_COMPETENCY.KEY,
                        FRAMEWORK_EXPECTATION.MIN_ENDORSED_EVIDENCE,
                        FRAMEWORK_EXPECTATION.RECENCY_MONTHS,
                        FRAMEWORK_EXPECTATION.MIN_DISTINCT_KINDS,
                        FRAMEWORK_EXPECTATION.REQUIRED,
                        FRAMEWORK_VERSION.STATUS)
                .from(FRAMEWORK_EXPECTATION)
                .join(FRAMEWORK_COMPETENCY)
                .on(FRAMEWORK_COMPETENCY.TENANT_ID.eq(FRAMEWORK_EXPECTATION.TENANT_ID))
                .and(FRAMEWORK_COMPETENCY.ID.eq(FRAMEWORK_EXPECTATION.COMPETENCY_ID))
                .join(FRAMEWORK_VERSION)
                .on(FRAMEWORK_VERSION.TENANT_ID.eq(FRAMEWORK_COMPETENCY.TENANT_ID))
                .and(FRAMEWORK_VERSION.ID.eq(FRAMEWORK_COMPETENCY.VERSION_ID))
                .where(FRAMEWORK_EXPECTATION.LEVEL_ID.in(levelIds))
                .orderBy(FRAMEWORK_COMPETENCY.POSITION)
                .forEach(row -> {
                    result.computeIfAbsent(row.value1(), k -> new ArrayList<>())
                            .add(new RuleRow(
                                    row.value2(),
                                    row.value3(),
                                    new Rule(row.value4(), row.value5(), row.value6(), row.value7())));
                    if (!"DRAFT".equals(row.value8())) {
                        unchanging.add(row.value1());
                    }
                });
        return new LevelRules(result, unchanging);
    }

    /** Per person, the endorsed evidence per competency key (the rollup, merged across framework versions). */
    Map<UUID, Map<String, List<Item>>> cells(Collection<UUID> personIds) {
        Map<UUID, Map<String, List<Item>>> result = new HashMap<>();
        db.select(
                        READINESS_CELL.PERSON_ID,
                        FRAMEWORK_COMPETENCY.KEY,
                        CellItems.joined(READINESS_CELL.EVIDENCE_IDS),
                        CellItems.joined(READINESS_CELL.KINDS),
                        CellItems.joined(READINESS_CELL.OCCURRED_ON))
                .from(READINESS_CELL)
                .join(FRAMEWORK_COMPETENCY)
                .on(FRAMEWORK_COMPETENCY.TENANT_ID.eq(READINESS_CELL.TENANT_ID))
                .and(FRAMEWORK_COMPETENCY.ID.eq(READINESS_CELL.COMPETENCY_ID))
                .where(READINESS_CELL.PERSON_ID.in(personIds))
                .and(DSL.cardinality(READINESS_CELL.EVIDENCE_IDS).gt(0))
                .forEach(row -> {
                    List<Item> items = result.computeIfAbsent(row.value1(), k -> new HashMap<>())
                            .computeIfAbsent(row.value2(), k -> new ArrayList<>());
                    // One key has several cells only across framework versions: skip items already merged.
                    Set<UUID> merged = items.isEmpty()
                            ? Set.of()
                            : items.stream().map(Item::evidenceId).collect(Collectors.toSet());
                    for (Item item : CellItems.parse(row.value3(), row.value4(), row.value5())) {
                        if (!merged.contains(item.evidenceId())) {
                            items.add(item);
                        }
                    }
                });
        return result;
    }

    /** Per person, the latest assessment of each kind per competency key, made for the level now judged. */
    Map<UUID, Map<String, Assessments.Pair>> latestAssessments(Collection<Subject> subjects) {
        var judged =
                subjects.stream().map(s -> DSL.row(s.personId(), s.levelId())).toList();
        Map<UUID, Map<String, Assessments.Pair>> result = new HashMap<>();
        db.selectDistinct(ASSESSMENT.fields())
                .select(FRAMEWORK_COMPETENCY.KEY)
                .on(ASSESSMENT.PERSON_ID, FRAMEWORK_COMPETENCY.KEY, ASSESSMENT.KIND)
                .from(ASSESSMENT)
                .join(FRAMEWORK_COMPETENCY)
                .on(FRAMEWORK_COMPETENCY.TENANT_ID.eq(ASSESSMENT.TENANT_ID))
                .and(FRAMEWORK_COMPETENCY.ID.eq(ASSESSMENT.COMPETENCY_ID))
                .where(DSL.row(ASSESSMENT.PERSON_ID, ASSESSMENT.LEVEL_ID).in(judged))
                .orderBy(ASSESSMENT.PERSON_ID, FRAMEWORK_COMPETENCY.KEY, ASSESSMENT.KIND, ASSESSMENT.ASSESSED_AT.desc())
                .forEach(row -> {
                    Assessment assessment = Assessments.toAssessment(row);
                    result.computeIfAbsent(assessment.personId(), k -> new HashMap<>())
                            .merge(
                                    row.get(FRAMEWORK_COMPETENCY.KEY),
                                    Assessments.Pair.of(assessment),
                                    Assessments.Pair::merge);
                });
        return result;
    }

    /**
     * Since when each person has been ready for the level now judged without a break, from the snapshots (absent
     * when not ready now).
     */
    Map<UUID, LocalDate> readySince(Collection<Subject> subjects) {
        var judged =
                subjects.stream().map(s -> DSL.row(s.personId(), s.levelId())).toList();
        var notReady = READINESS_SNAPSHOT.as("not_ready");
        Field<Instant> lastNotReady = DSL.select(DSL.max(notReady.TAKEN_AT))
                .from(notReady)
                .where(notReady.PERSON_ID.eq(READINESS_SNAPSHOT.PERSON_ID))
                .and(notReady.LEVEL_ID.eq(READINESS_SNAPSHOT.LEVEL_ID))
                .and(notReady.READY.isFalse())
                .asField();
        Map<UUID, LocalDate> result = new HashMap<>();
        db.select(READINESS_SNAPSHOT.PERSON_ID, DSL.min(READINESS_SNAPSHOT.TAKEN_AT))
                .from(READINESS_SNAPSHOT)
                .where(DSL.row(READINESS_SNAPSHOT.PERSON_ID, READINESS_SNAPSHOT.LEVEL_ID)
                        .in(judged))
                .and(READINESS_SNAPSHOT.READY.isTrue())
                .and(READINESS_SNAPSHOT.TAKEN_AT.gt(DSL.coalesce(lastNotReady, DSL.inline(Instant.EPOCH))))
                .groupBy(READINESS_SNAPSHOT.PERSON_ID)
                .forEach(row -> result.put(
                        row.value1(), row.value2().atZone(ZoneOffset.UTC).toLocalDate()));
        return result;
    }

    /** A person's current assignment: the version, the level readiness is judged for, and the version's policy. */
    record Subject(UUID personId, UUID versionId, UUID levelId, UUID currentLevelId, Policy policy) {}

    /** One competency's rule at a level. */
    record RuleRow(UUID competencyId, String key, Rule rule) {}

    /** Rules by level, and the levels whose rules never change. */
    record LevelRules(Map<UUID, List<RuleRow>> byLevel, Set<UUID> unchanging) {}
}
