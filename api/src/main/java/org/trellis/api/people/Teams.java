package org.trellis.api.people;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
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
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** Teams of the transaction's tenant and their members. */
@Repository
class Teams {

    private final DSLContext db;

    Teams(DSLContext db) {
        this.db = db;
    }

    List<Team> all() {
        return db.selectFrom(TEAM).orderBy(lower(TEAM.NAME)).fetch(Teams::toTeam);
    }

    Optional<Team> findById(UUID id) {
        return db.selectFrom(TEAM).where(TEAM.ID.eq(id)).fetchOptional(Teams::toTeam);
    }

    List<Team> findByIds(Collection<UUID> ids) {
        return db.selectFrom(TEAM).where(TEAM.ID.in(ids)).fetch(Teams::toTeam);
    }

    Optional<Team> findByExternalId(String externalId) {
        return db.selectFrom(TEAM).where(TEAM.EXTERNAL_ID.eq(externalId)).fetchOptional(Teams::toTeam);
    }

    List<Team> findByParents(Collection<UUID> parentIds) {
        return db.selectFrom(TEAM)
                .where(TEAM.PARENT_ID.in(parentIds))
                .orderBy(lower(TEAM.NAME))
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

    /** Who belongs to these teams in the given role. */
    List<Membership> members(Collection<UUID> teamIds, Team.Role role) {
        return db.select(TEAM_MEMBER.TEAM_ID, TEAM_MEMBER.PERSON_ID)
                .from(TEAM_MEMBER)
                .where(TEAM_MEMBER.TEAM_ID.in(teamIds))
                .and(TEAM_MEMBER.ROLE.eq(role.name()))
                .fetch(row -> new Membership(row.value1(), row.value2()));
    }

    /** The teams these people belong to, in any role. */
    List<Membership> teamsOf(Collection<UUID> personIds) {
        return db.selectDistinct(TEAM_MEMBER.TEAM_ID, TEAM_MEMBER.PERSON_ID)
                .from(TEAM_MEMBER)
                .where(TEAM_MEMBER.PERSON_ID.in(personIds))
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

    private static Team toTeam(Record row) {
        return new Team(
                row.get(TEAM.ID),
                row.get(TEAM.TENANT_ID),
                row.get(TEAM.NAME),
                row.get(TEAM.PARENT_ID),
                row.get(TEAM.EXTERNAL_ID),
                row.get(TEAM.CREATED_AT));
    }
}
