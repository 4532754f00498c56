package org.trellis.api.people;

import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.partitionBy;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.trellis.persistence.jooq.Tables.TEAM;
import static org.trellis.persistence.jooq.Tables.TEAM_MEMBER;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/** Teams as SCIM Groups: pages matching its filters, and the teams people are members of (RLS adds the tenant). */
@Repository
class ExactTeams {

    private static final String RANK = "rank";

    private final DSLContext db;

    ExactTeams(DSLContext db) {
        this.db = db;
    }

    /** {@code limit} teams from {@code offset} matching a condition on {@code TEAM} built by the caller, by name. */
    List<Team> matching(Condition condition, long offset, int limit) {
        return db.selectFrom(TEAM)
                .where(condition)
                .orderBy(lower(TEAM.NAME), TEAM.ID)
                .offset(offset)
                .limit(limit)
                .fetch(Teams::toTeam);
    }

    int countMatching(Condition condition) {
        return db.fetchCount(TEAM, condition);
    }

    /** The teams these people are members of (not managers): the first {@code perPerson} of each by name. */
    List<MemberTeam> memberTeams(Collection<UUID> personIds, int perPerson) {
        Table<?> ranked = select(
                        TEAM_MEMBER.TENANT_ID,
                        TEAM_MEMBER.TEAM_ID,
                        TEAM_MEMBER.PERSON_ID,
                        rowNumber()
                                .over(partitionBy(TEAM_MEMBER.PERSON_ID).orderBy(lower(TEAM.NAME), TEAM.ID))
                                .as(RANK))
                .from(TEAM_MEMBER)
                .join(TEAM)
                .on(TEAM.TENANT_ID.eq(TEAM_MEMBER.TENANT_ID), TEAM.ID.eq(TEAM_MEMBER.TEAM_ID))
                .where(TEAM_MEMBER.PERSON_ID.in(personIds))
                .and(TEAM_MEMBER.ROLE.eq(Team.Role.MEMBER.name()))
                .asTable("ranked");
        return db.select(TEAM.fields())
                .select(ranked.field(TEAM_MEMBER.PERSON_ID))
                .from(ranked)
                .join(TEAM)
                .on(
                        TEAM.TENANT_ID.eq(ranked.field(TEAM_MEMBER.TENANT_ID)),
                        TEAM.ID.eq(ranked.field(TEAM_MEMBER.TEAM_ID)))
                .where(ranked.field(RANK, Integer.class).le(perPerson))
                .orderBy(lower(TEAM.NAME), TEAM.ID)
                .fetch(row -> new MemberTeam(row.get(ranked.field(TEAM_MEMBER.PERSON_ID)), Teams.toTeam(row)));
    }

    /** A person and a team they are a member of. */
    record MemberTeam(UUID personId, Team team) {}
}
