package org.trellis.api.people;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.Change;
import org.trellis.api.shared.ConflictException;
import org.trellis.api.shared.InvalidInputException;
import org.trellis.api.shared.NotFoundException;
import org.trellis.api.shared.Validation;
import org.trellis.graphql.UserError;
import org.trellis.graphql.UserError.Code;

/**
 * Teams form a tree (no cycles, unique names per tenant); people belong to several teams and manage some. Everyone
 * in the tenant reads them; tenant admins and {@code people:write} clients change them, audited.
 */
@Service
public class TeamService {

    private final Teams teams;
    private final People people;
    private final PeopleService peopleService;
    private final AuditTrail audit;

    TeamService(Teams teams, People people, PeopleService peopleService, AuditTrail audit) {
        this.teams = teams;
        this.people = people;
        this.peopleService = peopleService;
        this.audit = audit;
    }

    /** The first teams by name (at most {@value Teams#MAX_TEAMS}), or the roots of the tree only. */
    @Transactional(readOnly = true)
    public List<Team> all(Actor actor, boolean rootsOnly) {
        PeoplePolicy.requireRead(actor);
        return teams.firstByName(rootsOnly, Teams.MAX_TEAMS);
    }

    @Transactional(readOnly = true)
    public Team get(Actor actor, UUID id) {
        PeoplePolicy.requireRead(actor);
        return teams.findById(id).orElseThrow(() -> new NotFoundException("Team"));
    }

    @Transactional(readOnly = true)
    public List<Team> getAll(Actor actor, Collection<UUID> ids) {
        PeoplePolicy.requireRead(actor);
        return ids.isEmpty() ? List.of() : teams.findByIds(ids);
    }

    @Transactional(readOnly = true)
    public Map<UUID, List<Team>> children(Actor actor, Collection<UUID> parentIds) {
        PeoplePolicy.requireRead(actor);
        Map<UUID, List<Team>> result = emptyLists(parentIds);
        if (!parentIds.isEmpty()) {
            teams.findByParents(parentIds, Teams.MAX_CHILDREN)
                    .forEach(team -> result.get(team.parentId()).add(team));
        }
        return result;
    }

    /** People of each team in the given role, as the caller may see them. */
    @Transactional(readOnly = true)
    public Map<UUID, List<Person>> people(Actor actor, Collection<UUID> teamIds, Team.Role role) {
        PeoplePolicy.requireRead(actor);
        Map<UUID, List<Person>> result = emptyLists(teamIds);
        if (teamIds.isEmpty()) {
            return result;
        }
        int max = role == Team.Role.MANAGER ? Teams.MAX_MANAGERS : Teams.MAX_MEMBERS;
        List<Teams.Membership> pairs = teams.members(teamIds, role, max);
        Function<Person, Person> view = peopleService.viewer(actor);
        Map<UUID, Person> byId =
                people
                        .findByIds(pairs.stream()
                                .map(Teams.Membership::personId)
                                .distinct()
                                .toList())
                        .stream()
                        .map(view)
                        .collect(Collectors.toMap(Person::id, Function.identity()));
        pairs.forEach(pair -> result.get(pair.teamId()).add(byId.get(pair.personId())));
        result.values().forEach(list -> list.sort((a, b) -> a.displayName().compareToIgnoreCase(b.displayName())));
        return result;
    }

    @Transactional(readOnly = true)
    public Map<UUID, List<Team>> teamsOf(Actor actor, Collection<UUID> personIds) {
        PeoplePolicy.requireRead(actor);
        Map<UUID, List<Team>> result = emptyLists(personIds);
        if (personIds.isEmpty()) {
            return result;
        }
        List<Teams.Membership> pairs = teams.teamsOf(personIds, Teams.MAX_TEAMS_PER_PERSON);
        Map<UUID, Team> byId =
                teams
                        .findByIds(pairs.stream()
                                .map(Teams.Membership::teamId)
                                .distinct()
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(Team::id, Function.identity()));
        pairs.forEach(pair -> result.get(pair.personId()).add(byId.get(pair.teamId())));
        return result;
    }

    @Transactional
    public Team create(Actor actor, String name, @Nullable UUID parentId, @Nullable String externalId) {
        PeoplePolicy.requireWrite(actor);
        teams.lockTree();
        Validation validation = new Validation();
        String validName = validation.text(name, 200, "input", "name");
        if (validName != null && teams.nameTaken(validName, null)) {
            validation.reject(Code.ALREADY_EXISTS, "Another team has this name.", "input", "name");
        }
        validation.throwIfInvalid();
        if (parentId != null) {
            existing(parentId);
        }
        Team team = teams.insert(actor.tenant(), validName, parentId, externalId);
        audit.record(
                actor,
                actor.tenant(),
                "team.created",
                "Team",
                team.id(),
                Map.of("name", team.name(), "parent", String.valueOf(parentId)));
        return team;
    }

    /** Renames and/or moves a team ({@link Change}): a parent given as null makes it a root team. */
    @Transactional
    public Team update(Actor actor, UUID id, Change<String> name, Change<UUID> parent) {
        PeoplePolicy.requireWrite(actor);
        teams.lockTree();
        Team current = existing(id);
        Validation validation = new Validation();
        String validName = validation.text(name, current.name(), 200, "input", "name");
        if (validName != null && name.given() && teams.nameTaken(validName, id)) {
            validation.reject(Code.ALREADY_EXISTS, "Another team has this name.", "input", "name");
        }
        UUID newParent = parent.or(current.parentId());
        if (newParent != null && !newParent.equals(current.parentId())) {
            existing(newParent);
            if (newParent.equals(id) || teams.descendants(id).contains(newParent)) {
                validation.reject(
                        Code.INVALID, "A team cannot be moved under itself or its own sub-team.", "input", "parentId");
            }
        }
        validation.throwIfInvalid();
        Team updated = teams.update(id, validName, newParent);
        audit.record(
                actor,
                actor.tenant(),
                "team.updated",
                "Team",
                id,
                Map.of(
                        "before", Map.of("name", current.name(), "parent", String.valueOf(current.parentId())),
                        "after", Map.of("name", updated.name(), "parent", String.valueOf(updated.parentId()))));
        return updated;
    }

    @Transactional
    public Team delete(Actor actor, UUID id) {
        PeoplePolicy.requireWrite(actor);
        teams.lockTree();
        Team team = existing(id);
        if (!teams.findByParents(List.of(id), 1).isEmpty()) {
            throw new ConflictException("The team has sub-teams: move or delete them first.", "input", "id");
        }
        teams.delete(id);
        audit.record(actor, actor.tenant(), "team.deleted", "Team", id, Map.of("name", team.name()));
        return team;
    }

    @Transactional
    public Team addPerson(Actor actor, UUID teamId, UUID personId, Team.Role role) {
        PeoplePolicy.requireWrite(actor);
        Team team = existing(teamId);
        people.findById(personId).orElseThrow(() -> new NotFoundException("Person"));
        if (teams.addMember(actor.tenant(), teamId, personId, role)) {
            audit.record(
                    actor,
                    actor.tenant(),
                    "team.person-added",
                    "Team",
                    teamId,
                    Map.of("person", personId, "role", role));
        }
        return team;
    }

    @Transactional
    public Team removePerson(Actor actor, UUID teamId, UUID personId, Team.Role role) {
        PeoplePolicy.requireWrite(actor);
        Team team = existing(teamId);
        if (teams.removeMember(teamId, personId, role)) {
            audit.record(
                    actor,
                    actor.tenant(),
                    "team.person-removed",
                    "Team",
                    teamId,
                    Map.of("person", personId, "role", role));
        }
        return team;
    }

    /** Replaces a team's members (SCIM PUT); every person must exist in the tenant. */
    @Transactional
    public Team replaceMembers(Actor actor, UUID teamId, Collection<UUID> personIds) {
        PeoplePolicy.requireWrite(actor);
        Team team = existing(teamId);
        List<UUID> distinct = personIds.stream().distinct().toList();
        if (people.findByIds(distinct).size() != distinct.size()) {
            throw InvalidInputException.of(new UserError(List.of("members"), "Unknown member.", Code.INVALID));
        }
        teams.replaceMembers(actor.tenant(), teamId, distinct);
        audit.record(
                actor, actor.tenant(), "team.members-replaced", "Team", teamId, Map.of("members", distinct.size()));
        return team;
    }

    private Team existing(UUID id) {
        return teams.findById(id).orElseThrow(() -> new NotFoundException("Team"));
    }

    private static <T> Map<UUID, List<T>> emptyLists(Collection<UUID> keys) {
        return keys.stream()
                .collect(Collectors.toMap(key -> key, key -> new ArrayList<T>(), (a, b) -> a, LinkedHashMap::new));
    }
}
