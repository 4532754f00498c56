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
import static org.trellis.persistence.jooq.Tables.TEAM;
import static org.trellis.persistence.jooq.Tables.TEAM_MEMBER;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The dashboard's own reads: scope (team subtrees), mentoring coverage, weekly activity and last evidence by key. */
@Repository
class DashboardQueries {

    private static final String ACTIVE = "ACTIVE";

    private final DSLContext db;

    DashboardQueries(DSLContext db) {
        this.db = db;
    }

    /** The teams below (and including) the roots. */
    Set<UUID> subtree(Select<Record1<UUID>> roots) {
        CommonTableExpression<Record1<UUID>> tree = name("tree")
                .fields("id")
                .as(select(TEAM.ID)
                        .from(TEAM)
                        .where(TEAM.ID.in(roots))
                        .union(select(TEAM.ID)
                                .from(TEAM)
                                .join(name("tree"))
                                .on(TEAM.PARENT_ID.eq(field(name("tree", "id"), UUID.class)))));
        return Set.copyOf(db.withRecursive(tree).selectFrom(tree).fetch(0, UUID.class));
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

    /** Active members of the teams, by name, at most {@code limit}. */
    List<UUID> members(Collection<UUID> teamIds, int limit) {
        return people(
                PERSON.ID.in(select(TEAM_MEMBER.PERSON_ID)
                        .from(TEAM_MEMBER)
                        .where(TEAM_MEMBER.TEAM_ID.in(teamIds))
                        .and(TEAM_MEMBER.ROLE.eq("MEMBER"))),
                limit);
    }

    /** Every active person of the tenant, by name, at most {@code limit}. */
    List<UUID> everyone(int limit) {
        return people(DSL.noCondition(), limit);
    }

    private List<UUID> people(Condition condition, int limit) {
        return db.select(PERSON.ID)
                .from(PERSON)
                .where(condition)
                .and(PERSON.STATUS.eq(ACTIVE))
                .orderBy(PERSON.DISPLAY_NAME, PERSON.ID)
                .limit(limit)
                .fetch(PERSON.ID);
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

    /** Active mentee → mentor, and the mentors' active mentee counts. */
    record Coverage(Map<UUID, UUID> mentorOf, Map<UUID, Integer> load) {}
}
