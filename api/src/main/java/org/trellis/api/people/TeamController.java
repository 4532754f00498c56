package org.trellis.api.people;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.Ids;
import org.trellis.api.shared.NodeResolver;
import org.trellis.graphql.UserError;

/** GraphQL: teams and the team tree. */
@Controller
class TeamController implements NodeResolver {

    private final TeamService teams;

    TeamController(TeamService teams) {
        this.teams = teams;
    }

    @QueryMapping
    List<Team> teams(@Argument @Nullable Boolean rootsOnly) {
        return teams.all(ActorAuthentication.current(), Boolean.TRUE.equals(rootsOnly));
    }

    @QueryMapping
    Team team(@Argument String id) {
        return teams.get(ActorAuthentication.current(), Ids.decode(id, "Team"));
    }

    @BatchMapping(typeName = "Team", field = "parent")
    Map<Team, @Nullable Team> parent(List<Team> children) {
        Map<UUID, Team> found = teams
                .getAll(
                        ActorAuthentication.current(),
                        children.stream()
                                .map(Team::parentId)
                                .filter(Objects::nonNull)
                                .distinct()
                                .toList())
                .stream()
                .collect(Collectors.toMap(Team::id, Function.identity()));
        Map<Team, @Nullable Team> result = new HashMap<>();
        children.forEach(t -> result.put(t, t.parentId() == null ? null : found.get(t.parentId())));
        return result;
    }

    @BatchMapping(typeName = "Team", field = "children")
    Map<Team, List<Team>> children(List<Team> parents) {
        Map<UUID, List<Team>> found = teams.children(ActorAuthentication.current(), ids(parents));
        return parents.stream().collect(Collectors.toMap(Function.identity(), t -> found.get(t.id()), (a, b) -> a));
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
        Map<UUID, List<Team>> found = teams.teamsOf(
                ActorAuthentication.current(),
                persons.stream().map(Person::id).distinct().toList());
        return persons.stream().collect(Collectors.toMap(Function.identity(), p -> found.get(p.id()), (a, b) -> a));
    }

    @MutationMapping
    TeamPayload createTeam(@Argument CreateInput input) {
        return new TeamPayload(
                teams.create(
                        ActorAuthentication.current(),
                        input.name(),
                        Ids.decodeOptional(input.parentId(), "Team"),
                        null),
                List.of());
    }

    @MutationMapping
    TeamPayload updateTeam(@Argument UpdateInput input) {
        return new TeamPayload(
                teams.update(
                        ActorAuthentication.current(),
                        Ids.decode(input.id(), "Team"),
                        input.name(),
                        Ids.decodeOptional(input.parentId(), "Team"),
                        Boolean.TRUE.equals(input.detachFromParent())),
                List.of());
    }

    @MutationMapping
    TeamPayload deleteTeam(@Argument IdInput input) {
        return new TeamPayload(teams.delete(ActorAuthentication.current(), Ids.decode(input.id(), "Team")), List.of());
    }

    @MutationMapping
    TeamPayload addTeamMember(@Argument MemberInput input) {
        return new TeamPayload(
                teams.addPerson(
                        ActorAuthentication.current(),
                        Ids.decode(input.teamId(), "Team"),
                        Ids.decode(input.personId(), "Person"),
                        input.role() == null ? Team.Role.MEMBER : input.role()),
                List.of());
    }

    @MutationMapping
    TeamPayload removeTeamMember(@Argument MemberInput input) {
        return new TeamPayload(
                teams.removePerson(
                        ActorAuthentication.current(),
                        Ids.decode(input.teamId(), "Team"),
                        Ids.decode(input.personId(), "Person"),
                        input.role() == null ? Team.Role.MEMBER : input.role()),
                List.of());
    }

    @Override
    public String type() {
        return "Team";
    }

    @Override
    public Object resolve(Actor actor, UUID id) {
        return teams.get(actor, id);
    }

    private Map<Team, List<Person>> people(List<Team> list, Team.Role role) {
        Map<UUID, List<Person>> found = teams.people(ActorAuthentication.current(), ids(list), role);
        return list.stream().collect(Collectors.toMap(Function.identity(), t -> found.get(t.id()), (a, b) -> a));
    }

    private static List<UUID> ids(List<Team> list) {
        return list.stream().map(Team::id).distinct().toList();
    }

    record CreateInput(String name, @Nullable String parentId) {}

    record UpdateInput(
            String id,
            @Nullable String name,
            @Nullable String parentId,
            @Nullable Boolean detachFromParent) {}

    record IdInput(String id) {}

    record MemberInput(String teamId, String personId, Team.@Nullable Role role) {}

    record TeamPayload(Team team, List<UserError> userErrors) {}
}
