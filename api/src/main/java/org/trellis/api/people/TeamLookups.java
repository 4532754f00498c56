package org.trellis.api.people;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.shared.Actor;

/** Teams read as SCIM Groups: pages matching SCIM filters, paged in the database, and the teams people are members of. */
@Service
public class TeamLookups {

    /** How many teams a person's SCIM {@code groups} attribute lists at most (the first by name). */
    public static final int MAX_TEAMS_PER_MEMBER = 100;

    private final ExactTeams exact;

    TeamLookups(ExactTeams exact) {
        this.exact = exact;
    }

    /**
     * {@code limit} teams from {@code offset} matching a condition on {@code TEAM} (built by SCIM's filter
     * translation, over the tables only), by name, and how many match in all: one statement for each.
     */
    @Transactional(readOnly = true)
    public TeamPage find(Actor actor, Condition condition, long offset, int limit) {
        PeoplePolicy.requireRead(actor);
        List<Team> teams = limit == 0 ? List.of() : exact.matching(condition, offset, limit);
        return new TeamPage(teams, exact.countMatching(condition));
    }

    /** The teams each person is a member of (not manager of), by name, {@value #MAX_TEAMS_PER_MEMBER} at most. */
    @Transactional(readOnly = true)
    public Map<UUID, List<Team>> memberTeams(Actor actor, Collection<UUID> personIds) {
        PeoplePolicy.requireRead(actor);
        Map<UUID, List<Team>> result = new LinkedHashMap<>();
        personIds.forEach(id -> result.put(id, new ArrayList<>()));
        if (!personIds.isEmpty()) {
            exact.memberTeams(personIds, MAX_TEAMS_PER_MEMBER)
                    .forEach(pair -> result.get(pair.personId()).add(pair.team()));
        }
        return result;
    }

    /** A page of teams and how many match in all. */
    public record TeamPage(List<Team> teams, int total) {}
}
