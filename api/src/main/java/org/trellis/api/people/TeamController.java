package org.trellis.api.people;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.ArgumentValue;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.BatchJoins;
import org.trellis.api.shared.Change;
import org.trellis.api.shared.Ids;
import org.trellis.api.shared.Ids.PersonId;
import org.trellis.api.shared.Ids.TeamId;
import org.trellis.graphql.UserError;

/** GraphQL: teams and the team tree. */
@Controller
class TeamController {

    private final TeamService teams;

    TeamController(TeamService teams) {
        this.teams = teams;
    }

    @QueryMapping
    List<Team> teams(@Argument @Nullable Boolean rootsOnly) {
        return teams.all(ActorAuthentication.current(), Boolean.TRUE.equals(rootsOnly));
    }

    @QueryMapping
    Team team(@Argument TeamId id) {
        return teams.get(ActorAuthentication.current(), id.value());
    }

    @BatchMapping(typeName = "Team", field = "parent")
    Map<Team, @Nullable Team> parent(List<Team> children) {
        return BatchJoins.toOne(
                children, Team::parentId, ids -> teams.getAll(ActorAuthentication.current(), ids), Team::id);
    }

    @BatchMapping(typeName = "Team", field = "children")
    Map<Team, List<Team>> children(List<Team> parents) {
        return BatchJoins.toMany(parents, Team::id, ids -> teams.children(ActorAuthentication.current(), ids));
    }

    @BatchMapping(typeName = "Team", field = "members")
    Map<Team, List<Person>> members(List<Team> list) {
        return people(list, Team.Role.MEMBER);
    }

    @BatchMapping(typeName = "Team", field = "managers")
    Map<Team, List<Person>> managers(List<Team> list) {
        return people(list, Team.Role.MANAGER);
    }

    @BatchMapping(typeName = "Person", field = "teams")
    Map<Person, List<Team>> personTeams(List<Person> persons) {
        return BatchJoins.toMany(persons, Person::id, ids -> teams.teamsOf(ActorAuthentication.current(), ids));
    }

    @MutationMapping
    TeamPayload createTeam(@Argument CreateInput input) {
        return new TeamPayload(
                teams.create(ActorAuthentication.current(), input.name(), Ids.valueOf(input.parentId()), null),
                List.of());
    }

    @MutationMapping
    TeamPayload updateTeam(@Argument UpdateInput input) {
        return new TeamPayload(
                teams.update(
                        ActorAuthentication.current(), input.id().value(), Change.of(input.name()), input.parent()),
                List.of());
    }

    @MutationMapping
    TeamPayload deleteTeam(@Argument IdInput input) {
        return new TeamPayload(
                teams.delete(ActorAuthentication.current(), input.id().value()), List.of());
    }

    @MutationMapping
    TeamPayload addTeamMember(@Argument MemberInput input) {
        return new TeamPayload(
                teams.addPerson(
                        ActorAuthentication.current(),
                        input.teamId().value(),
                        input.personId().value(),
                        input.role() == null ? Team.Role.MEMBER : input.role()),
                List.of());
    }

    @MutationMapping
    TeamPayload removeTeamMember(@Argument MemberInput input) {
        return new TeamPayload(
                teams.removePerson(
                        ActorAuthentication.current(),
                        input.teamId().value(),
                        input.personId().value(),
                        input.role() == null ? Team.Role.MEMBER : input.role()),
                List.of());
    }

    private Map<Team, List<Person>> people(List<Team> list, Team.Role role) {
        return BatchJoins.toMany(list, Team::id, ids -> teams.people(ActorAuthentication.current(), ids, role));
    }

    record CreateInput(String name, @Nullable TeamId parentId) {}

    /** Omitted fields stay; {@code parentId: null} makes a root team, as the deprecated {@code detachFromParent} does. */
    record UpdateInput(
            TeamId id,
            ArgumentValue<String> name,
            ArgumentValue<TeamId> parentId,
            @Nullable Boolean detachFromParent) {

        Change<UUID> parent() {
            if (Boolean.TRUE.equals(detachFromParent)) {
                return Change.to(null);
            }
            return Change.of(parentId).map(TeamId::value);
        }
    }

    record IdInput(TeamId id) {}

    record MemberInput(TeamId teamId, PersonId personId, Team.@Nullable Role role) {}

    record TeamPayload(Team team, List<UserError> userErrors) {}
}
