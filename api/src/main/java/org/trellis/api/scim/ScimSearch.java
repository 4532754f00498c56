package org.trellis.api.scim;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.trellis.api.people.PersonLookups;
import org.trellis.api.people.PersonLookups.PersonPage;
import org.trellis.api.people.TeamLookups;
import org.trellis.api.people.TeamLookups.TeamPage;
import org.trellis.api.shared.Actor;

/**
 * SCIM list requests: the filter ({@link ScimFilterConditions}) becomes a condition of the page query and of the count,
 * so a page costs those two statements whatever the filter and however many resources there are.
 */
@Component
class ScimSearch {

    private final PersonLookups people;
    private final TeamLookups teams;

    ScimSearch(PersonLookups people, TeamLookups teams) {
        this.people = people;
        this.teams = teams;
    }

    /** Users SCIM sees (not those it deleted) matching the filter, oldest first. */
    PersonPage users(Actor actor, @Nullable String filter, long offset, int limit) {
        return people.find(actor, ScimFilterConditions.of(filter, ScimFilterAttributes.USERS), offset, limit);
    }

    /** Groups matching the filter, by name. */
    TeamPage groups(Actor actor, @Nullable String filter, long offset, int limit) {
        return teams.find(actor, ScimFilterConditions.of(filter, ScimFilterAttributes.GROUPS), offset, limit);
    }
}
