package org.trellis.api.readiness;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.trellis.persistence.jooq.Tables.EVIDENCE;
import static org.trellis.persistence.jooq.Tables.FRAMEWORK_COMPETENCY;
import static org.trellis.persistence.jooq.Tables.MENTORSHIP;
import static org.trellis.persistence.jooq.Tables.PERSON;
import static org.trellis.persistence.jooq.Tables.READINESS_CELL;
import static org.trellis.persistence.jooq.Tables.READINESS_SUMMARY;
import static org.trellis.persistence.jooq.Tables.TEAM;
import static org.trellis.persistence.jooq.Tables.TEAM_MEMBER;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.SelectSelectStep;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.trellis.api.people.Person;
import org.trellis.api.people.PersonRows;
import org.trellis.api.shared.Actor;

/**
 * The dashboard's own reads: its scope (a team subtree, or the teams a manager manages and those below) with the stored
 * readiness rows, mentoring coverage, weekly activity and last evidence by key.
 */
@Repository
class DashboardQueries {

    private static final String ACTIVE = "ACTIVE";
    private static final Field<UUID> TREE_ID = field(name("tree", "id"), UUID.class);
    private static final Field<UUID> MANAGED_ID = field(name("managed", "id"), UUID.class);
    private static final Field<Boolean> MANAGES = field(name("manages"), Boolean.class);

    private final DSLContext db;

    DashboardQueries(DSLContext db) {
        this.db = db;
    }

    /**
     * Whether the team exists and, when a manager is given, whether they manage it or a team above it: one
     * statement.
     */
    Access access(UUID teamId, @Nullable UUID managerId) {
        Field<Boolean> found = DSL.field(DSL.exists(team(teamId)));
        if (managerId == null) {
            return new Access(db.select(found).fetchSingle().value1(), true);
        }
        Record2<Boolean, Boolean> row = db.withRecursive(tree("managed", managedBy(managerId)))
                .select(found, manages(teamId))
                .fetchSingle();
        return new Access(row.value1(), row.value2());
    }

    /** Whether {@code teamId} is among the teams of the recursive table {@code managed(id)}. */
    private static Field<Boolean> manages(UUID teamId) {
        return DSL.field(DSL.val(teamId).in(select(MANAGED_ID).from(name("managed"))));
    }

    Select<Record1<UUID>> team(UUID teamId) {
        return select(TEAM.ID).from(TEAM).where(TEAM.ID.eq(teamId));
    }

    Select<Record1<UUID>> managedBy(UUID personId) {
        return select(TEAM_MEMBER.TEAM_ID)
                .from(TEAM_MEMBER)
                .where(TEAM_MEMBER.PERSON_ID.eq(personId))
                .and(TEAM_MEMBER.ROLE.eq("MANAGER"));
    }

    /**
     * Active members of the teams below (and including) the roots, by name, at most {@code limit}, each as the caller
     * may see them and with their stored readiness row: one statement.
     */
    List<Member> membersBelow(Actor actor, Select<Record1<UUID>> roots, int limit) {
        return members(db.withRecursive(tree("tree", roots))::select, actor, DSL.inline(true), below(), limit);
    }

    /**
     * As {@link #membersBelow} for one team, each row also saying whether {@code managerId} manages the team or one
     * above it (the policy decides what that means), so the access check costs no statement of its own.
     */
    List<Member> teamMembers(Actor actor, UUID teamId, UUID managerId, int limit) {
        return members(
                db.withRecursive(tree("tree", team(teamId)), tree("managed", managedBy(managerId)))::select,
                actor,
                manages(teamId),
                below(),
                limit);
    }

    /** Every active person of the tenant, by name, at most {@code limit}, each with their stored readiness row. */
    List<Member> everyone(Actor actor, int limit) {
        return members(db::select, actor, DSL.inline(true), DSL.noCondition(), limit);
    }

    private static Condition below() {
        return PERSON.ID.in(select(TEAM_MEMBER.PERSON_ID)
                .from(TEAM_MEMBER)
                .where(TEAM_MEMBER.TEAM_ID.in(select(TREE_ID).from(name("tree"))))
                .and(TEAM_MEMBER.ROLE.eq("MEMBER")));
    }

    /**
     * The members' statement: the person's columns as the caller sees them, the stored row and {@code manages}, each
     * read back through the very field selected (jOOQ then finds it by identity, not by comparing names).
     */
    private List<Member> members(
            Function<Collection<SelectField<?>>, SelectSelectStep<Record>> select,
            Actor actor,
            Field<Boolean> manages,
            Condition condition,
            int limit) {
        PersonRows people = PersonRows.of(actor);
        Field<Boolean> managesColumn = manages.as(MANAGES);
        List<SelectField<?>> columns = new ArrayList<>(people.columns());
        columns.addAll(ReadinessSummaries.COLUMNS);
        columns.add(managesColumn);
        return select.apply(columns)
                .from(PERSON)
                .leftJoin(READINESS_SUMMARY)
                .on(READINESS_SUMMARY.TENANT_ID.eq(PERSON.TENANT_ID))
                .and(READINESS_SUMMARY.PERSON_ID.eq(PERSON.ID))
                .where(condition)
                .and(PERSON.STATUS.eq(ACTIVE))
                .orderBy(PERSON.DISPLAY_NAME, PERSON.ID)
                .limit(limit)
                .fetch(row -> new Member(
                        people.person(row),
                        ReadinessSummaries.toSummary(row),
                        Boolean.TRUE.equals(row.get(managesColumn))));
    }

    /** The teams below (and including) the roots, as the recursive table {@code <table>(id)}. */
    private static CommonTableExpression<Record1<UUID>> tree(String table, Select<Record1<UUID>> roots) {
        return name(table)
                .fields("id")
                .as(select(TEAM.ID)
                        .from(TEAM)
                        .where(TEAM.ID.in(roots))
                        .union(select(TEAM.ID)
                                .from(TEAM)
                                .join(name(table))
                                .on(TEAM.PARENT_ID.eq(field(name(table, "id"), UUID.class)))));
    }

    /** Active pairings touching these people: mentee → mentor, and each such mentor's active mentees in all. */
    Coverage coverage(Collection<UUID> personIds) {
        Map<UUID, UUID> mentorOf = new HashMap<>();
        db.select(MENTORSHIP.MENTEE_ID, MENTORSHIP.MENTOR_ID)
                .from(MENTORSHIP)
                .where(MENTORSHIP.MENTEE_ID.in(personIds))
                .and(MENTORSHIP.STATUS.eq(ACTIVE))
                .forEach(row -> mentorOf.put(row.value1(), row.value2()));
        Map<UUID, Integer> load = new HashMap<>();
        if (!mentorOf.isEmpty()) {
            db.select(MENTORSHIP.MENTOR_ID, count())
                    .from(MENTORSHIP)
                    .where(MENTORSHIP.MENTOR_ID.in(mentorOf.values()))
                    .and(MENTORSHIP.STATUS.eq(ACTIVE))
                    .groupBy(MENTORSHIP.MENTOR_ID)
                    .forEach(row -> load.put(row.value1(), row.value2()));
        }
        return new Coverage(mentorOf, load);
    }

    /** Evidence that occurred per week (Monday) since {@code from}, and how much of it is endorsed. */
    Map<LocalDate, int[]> weekly(Collection<UUID> personIds, LocalDate from) {
        Field<LocalDate> week = DSL.field("date_trunc('week', {0})::date", LocalDate.class, EVIDENCE.OCCURRED_ON);
        Map<LocalDate, int[]> result = new HashMap<>();
        db.select(week, count(), count().filterWhere(EVIDENCE.STATUS.eq("ENDORSED")))
                .from(EVIDENCE)
                .where(EVIDENCE.PERSON_ID.in(personIds))
                .and(EVIDENCE.OCCURRED_ON.ge(from))
                .and(EVIDENCE.STATUS.notIn("WITHDRAWN", "REJECTED"))
                .groupBy(week)
                .forEach(row -> result.put(row.value1(), new int[] {row.value2(), row.value3()}));
        return result;
    }

    /** The latest endorsed evidence from any of these people, per competency key. */
    Map<String, LocalDate> lastEvidenceByKey(Collection<UUID> personIds) {
        Map<String, LocalDate> result = new HashMap<>();
        db.select(FRAMEWORK_COMPETENCY.KEY, max(READINESS_CELL.LATEST_ON))
                .from(READINESS_CELL)
                .join(FRAMEWORK_COMPETENCY)
                .on(FRAMEWORK_COMPETENCY.TENANT_ID.eq(READINESS_CELL.TENANT_ID))
                .and(FRAMEWORK_COMPETENCY.ID.eq(READINESS_CELL.COMPETENCY_ID))
                .where(READINESS_CELL.PERSON_ID.in(personIds))
                .and(READINESS_CELL.LATEST_ON.isNotNull())
                .groupBy(FRAMEWORK_COMPETENCY.KEY)
                .forEach(row -> result.put(row.value1(), row.value2()));
        return result;
    }

    /** Whether a team exists, and whether the caller may see its dashboard. */
    record Access(boolean found, boolean allowed) {}

    /**
     * A person in scope as the caller may see them, their stored readiness row if they have one, and (for one team's
     * members) whether the caller manages that team.
     */
    record Member(Person person, @Nullable ReadinessSummary stored, boolean manages) {}

    /** Active mentee → mentor, and the mentors' active mentee counts. */
    record Coverage(Map<UUID, UUID> mentorOf, Map<UUID, Integer> load) {}
}
