package org.trellis.api.people;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.shared.Actor;

/** Teams read as SCIM Groups: pages by exact criteria, paged in the database, and the teams people are members of. */
@Service
public class TeamLookups {

    /** How many teams a person's SCIM {@code groups} attribute lists at most (the first by name). */
    public static final int MAX_TEAMS_PER_MEMBER = 100;

    private final ExactTeams exact;

    TeamLookups(ExactTeams exact) {
        this.exact = exact;
    }

    /**
     * {@code limit} teams from {@code offset} matching exact criteria ({@code displayName} ignoring case,
     * {@code externalId}), by name, and how many match in all.
     */
    @Transactional(readOnly = true)
    public TeamPage findExact(Actor actor, Map<String, String> criteria, long offset, int limit) {
        PeoplePolicy.requireRead(actor);
        List<Team> teams = limit == 0 ? List.of() : exact.exact(criteria, offset, limit);
        return new TeamPage(teams, exact.countExact(criteria));
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
