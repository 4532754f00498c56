package org.trellis.api.people;

import static org.jooq.impl.DSL.denseRank;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.partitionBy;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectDistinct;
import static org.trellis.persistence.jooq.Tables.PERSON;
import static org.trellis.persistence.jooq.Tables.TEAM;
import static org.trellis.persistence.jooq.Tables.TEAM_MEMBER;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** Teams of the transaction's tenant and their members. */
@Repository
class Teams {

    /** The list maximums that people.graphqls declares with {@code @listSize}: reads stop there. */
    static final int MAX_TEAMS = 200;

    static final int MAX_CHILDREN = 50;
    static final int MAX_MEMBERS = 100;
    static final int MAX_MANAGERS = 10;
    static final int MAX_TEAMS_PER_PERSON = 20;

    private static final String RANK = "rank";

    private final DSLContext db;

    Teams(DSLContext db) {
        this.db = db;
    }

    /** The first {@code limit} teams by name, or of the roots only. */
    List<Team> firstByName(boolean rootsOnly, int limit) {
        return db.selectFrom(TEAM)
                .where(rootsOnly ? TEAM.PARENT_ID.isNull() : DSL.noCondition())
                .orderBy(lower(TEAM.NAME), TEAM.ID)
                .limit(limit)
                .fetch(Teams::toTeam);
    }

    Optional<Team> findById(UUID id) {
        return db.selectFrom(TEAM).where(TEAM.ID.eq(id)).fetchOptional(Teams::toTeam);
    }

    List<Team> findByIds(Collection<UUID> ids) {
        return db.selectFrom(TEAM).where(TEAM.ID.in(ids)).fetch(Teams::toTeam);
    }

    /** The first {@code perParent} sub-teams by name of each of these teams. */
    List<Team> findByParents(Collection<UUID> parentIds, int perParent) {
        Table<?> ranked = select(
                        TEAM.ID,
                        rowNumber()
                                .over(partitionBy(TEAM.PARENT_ID).orderBy(lower(TEAM.NAME), TEAM.ID))
                                .as(RANK))
                .from(TEAM)
                .where(TEAM.PARENT_ID.in(parentIds))
                .asTable("ranked");
        return db.selectFrom(TEAM)
                .where(TEAM.ID.in(select(ranked.field(TEAM.ID))
                        .from(ranked)
                        .where(ranked.field(RANK, Integer.class).le(perParent))))
                .orderBy(lower(TEAM.NAME), TEAM.ID)
                .fetch(Teams::toTeam);
    }

    boolean nameTaken(String name, @Nullable UUID except) {
        return db.fetchExists(
                TEAM,
                lower(TEAM.NAME)
                        .eq(name.toLowerCase(Locale.ROOT))
                        .and(except == null ? DSL.noCondition() : TEAM.ID.ne(except)));
    }

    /** Ids of every team below {@code teamId}. */
    List<UUID> descendants(UUID teamId) {
        var below = name("below")
                .fields("id")
                .as(select(TEAM.ID)
                        .from(TEAM)
                        .where(TEAM.PARENT_ID.eq(teamId))
                        .union(select(TEAM.ID)
                                .from(TEAM)
                                .join(name("below"))
                                .on(TEAM.PARENT_ID.eq(field(name("below", "id"), UUID.class)))));
        return db.withRecursive(below)
                .select(field(name("below", "id"), UUID.class))
                .from(below)
                .fetch()
                .getValues(0, UUID.class);
    }

    Team insert(UUID tenantId, String name, @Nullable UUID parentId, @Nullable String externalId) {
        return db.insertInto(TEAM)
                .set(TEAM.TENANT_ID, tenantId)
                .set(TEAM.ID, UUID.randomUUID())
                .set(TEAM.NAME, name)
                .set(TEAM.PARENT_ID, parentId)
                .set(TEAM.EXTERNAL_ID, externalId)
                .returning()
                .fetchSingle(Teams::toTeam);
    }

    Team update(UUID id, String name, @Nullable UUID parentId) {
        return db.update(TEAM)
                .set(TEAM.NAME, name)
                .set(TEAM.PARENT_ID, parentId)
                .set(TEAM.UPDATED_AT, Instant.now())
                .where(TEAM.ID.eq(id))
                .returning()
                .fetchSingle(Teams::toTeam);
    }

    void delete(UUID id) {
        db.deleteFrom(TEAM).where(TEAM.ID.eq(id)).execute();
    }

    /** Who belongs to these teams in the given role: the first {@code perTeam} of each team by name. */
    List<Membership> members(Collection<UUID> teamIds, Team.Role role, int perTeam) {
        Table<?> ranked = select(
                        TEAM_MEMBER.TEAM_ID,
                        TEAM_MEMBER.PERSON_ID,
                        rowNumber()
                                .over(partitionBy(TEAM_MEMBER.TEAM_ID).orderBy(lower(PERSON.DISPLAY_NAME), PERSON.ID))
                                .as(RANK))
                .from(TEAM_MEMBER)
                .join(PERSON)
                .on(PERSON.TENANT_ID.eq(TEAM_MEMBER.TENANT_ID), PERSON.ID.eq(TEAM_MEMBER.PERSON_ID))
                .where(TEAM_MEMBER.TEAM_ID.in(teamIds))
                .and(TEAM_MEMBER.ROLE.eq(role.name()))
                .asTable("ranked");
        return memberships(ranked, perTeam);
    }

    /** The teams these people belong to, in any role: the first {@code perPerson} of each person by name. */
    List<Membership> teamsOf(Collection<UUID> personIds, int perPerson) {
        Table<?> ranked = selectDistinct(
                        TEAM_MEMBER.TEAM_ID,
                        TEAM_MEMBER.PERSON_ID,
                        denseRank()
                                .over(partitionBy(TEAM_MEMBER.PERSON_ID).orderBy(lower(TEAM.NAME), TEAM.ID))
                                .as(RANK))
                .from(TEAM_MEMBER)
                .join(TEAM)
                .on(TEAM.TENANT_ID.eq(TEAM_MEMBER.TENANT_ID), TEAM.ID.eq(TEAM_MEMBER.TEAM_ID))
                .where(TEAM_MEMBER.PERSON_ID.in(personIds))
                .asTable("ranked");
        return memberships(ranked, perPerson);
    }

    private List<Membership> memberships(Table<?> ranked, int max) {
        return db.select(ranked.field(TEAM_MEMBER.TEAM_ID), ranked.field(TEAM_MEMBER.PERSON_ID))
                .from(ranked)
                .where(ranked.field(RANK, Integer.class).le(max))
                .fetch(row -> new Membership(row.value1(), row.value2()));
    }

    /** One person in one team. */
    record Membership(UUID teamId, UUID personId) {}

    boolean addMember(UUID tenantId, UUID teamId, UUID personId, Team.Role role) {
        return db.insertInto(TEAM_MEMBER)
                        .set(TEAM_MEMBER.TENANT_ID, tenantId)
                        .set(TEAM_MEMBER.TEAM_ID, teamId)
                        .set(TEAM_MEMBER.PERSON_ID, personId)
                        .set(TEAM_MEMBER.ROLE, role.name())
                        .onConflictDoNothing()
                        .execute()
                > 0;
    }

    boolean removeMember(UUID teamId, UUID personId, Team.Role role) {
        return db.deleteFrom(TEAM_MEMBER)
                        .where(TEAM_MEMBER.TEAM_ID.eq(teamId))
                        .and(TEAM_MEMBER.PERSON_ID.eq(personId))
                        .and(TEAM_MEMBER.ROLE.eq(role.name()))
                        .execute()
                > 0;
    }

    void replaceMembers(UUID tenantId, UUID teamId, Collection<UUID> personIds) {
        db.deleteFrom(TEAM_MEMBER)
                .where(TEAM_MEMBER.TEAM_ID.eq(teamId))
                .and(TEAM_MEMBER.ROLE.eq(Team.Role.MEMBER.name()))
                .execute();
        personIds.forEach(personId -> addMember(tenantId, teamId, personId, Team.Role.MEMBER));
    }

    void lockTree() {
        db.execute("select pg_advisory_xact_lock(hashtext('trellis.team-tree:' || trellis_current_tenant()))");
    }

    static Team toTeam(Record row) {
        return new Team(
                row.get(TEAM.ID),
                row.get(TEAM.TENANT_ID),
                row.get(TEAM.NAME),
                row.get(TEAM.PARENT_ID),
                row.get(TEAM.EXTERNAL_ID),
                row.get(TEAM.CREATED_AT));
    }
}
