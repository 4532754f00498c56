package org.trellis.api.scim;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.people.PeopleService;
import org.trellis.api.people.Person;
import org.trellis.api.people.Team;
import org.trellis.api.people.TeamService;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.Change;
import org.trellis.api.shared.NotFoundException;
import tools.jackson.databind.JsonNode;

/**
 * SCIM Group writes, each in one transaction over the team service (which authorizes and audits): a request either
 * applies whole or not at all. Members must be Users SCIM sees: unknown or SCIM-deleted ones are refused.
 */
@Service
class ScimGroupProvisioning {

    private final PeopleService people;
    private final TeamService teams;

    ScimGroupProvisioning(PeopleService people, TeamService teams) {
        this.people = people;
        this.teams = teams;
    }

    @Transactional
    public Team createGroup(Actor actor, String displayName, @Nullable String externalId, List<UUID> members) {
        Team team = teams.create(actor, displayName, null, externalId);
        requireUsers(actor, members);
        return members(() -> teams.replaceMembers(actor, team.id(), members));
    }

    @Transactional
    public Team replaceGroup(Actor actor, UUID id, String displayName, List<UUID> members) {
        teams.update(actor, id, Change.unlessNull(displayName), Change.keep());
        requireUsers(actor, members);
        return members(() -> teams.replaceMembers(actor, id, members));
    }

    /**
     * Group PATCH as Okta and Entra ID send it: members added, removed (by filter or by value), replaced; renames.
     * Paths are parsed by the UnboundID SCIM 2 SDK.
     */
    @Transactional
    public Team patchGroup(Actor actor, UUID id, JsonNode request) {
        JsonNode operations = request.has("Operations") ? request.get("Operations") : request.path("operations");
        if (!operations.isArray() || operations.isEmpty()) {
            throw ScimException.invalidValue("Operations must be a non-empty array.");
        }
        Team team = teams.get(actor, id);
        for (JsonNode operation : operations) {
            String op = operation.path("op").asString("").toLowerCase(Locale.ROOT);
            String path = operation.path("path").asString("");
            JsonNode value = operation.get("value");
            if (path.isEmpty() && value != null && value.isObject()) {
                if (value.has("displayName")) {
                    team = teams.update(
                            actor,
                            id,
                            Change.unlessNull(value.get("displayName").asString()),
                            Change.keep());
                }
                if (value.has("members")) {
                    applyMembers(actor, id, op, memberIds(value.get("members")));
                }
            } else {
                team = patchPath(actor, id, op, ScimPaths.parse(path), value, team);
            }
        }
        return team;
    }

    /** {@code displayName}, {@code members} and {@code members[value eq "…"]} (removal only); else invalidPath. */
    private Team patchPath(Actor actor, UUID id, String op, Path path, @Nullable JsonNode value, Team team) {
        String schema = path.getSchemaUrn();
        if ((schema != null && !schema.equalsIgnoreCase(ScimSchemas.GROUP)) || path.size() != 1) {
            throw ScimException.invalidPath(
                    "Unsupported path " + ScimFilterConditions.truncate(path.toString(), 60) + ".");
        }
        Path.Element element = path.getElement(0);
        Filter filter = element.getValueFilter();
        if (element.getAttribute().equalsIgnoreCase("displayName")
                && filter == null
                && value != null
                && !op.equals("remove")) {
            return teams.update(actor, id, Change.unlessNull(value.asString()), Change.keep());
        }
        if (element.getAttribute().equalsIgnoreCase("members") && filter == null) {
            applyMembers(actor, id, op, value == null ? null : memberIds(value));
            return team;
        }
        if (element.getAttribute().equalsIgnoreCase("members") && op.equals("remove")) {
            selectedMembers(filter).forEach(member -> teams.removePerson(actor, id, member, Team.Role.MEMBER));
            return team;
        }
        throw ScimException.invalidPath("Unsupported path " + ScimFilterConditions.truncate(path.toString(), 60) + ".");
    }

    /** The members {@code value eq "…"}, or several of those joined by {@code or}, select. */
    private static List<UUID> selectedMembers(Filter filter) {
        if (filter.getFilterType() == FilterType.OR) {
            return filter.getCombinedFilters().stream()
                    .flatMap(part -> selectedMembers(part).stream())
                    .toList();
        }
        if (filter.getFilterType() != FilterType.EQUAL
                || filter.getAttributePath().size() != 1
                || !filter.getAttributePath().getElement(0).getAttribute().equalsIgnoreCase("value")
                || filter.getComparisonValue() == null
                || !filter.getComparisonValue().isTextual()) {
            throw ScimException.invalidFilter(
                    "Members are selected by value eq \"id\", or several of those joined by or.");
        }
        return List.of(ScimUserMapping.uuid(filter.getComparisonValue().textValue(), "member"));
    }

    private void applyMembers(Actor actor, UUID id, String op, @Nullable List<UUID> members) {
        if (!op.equals("remove") && members != null) {
            requireUsers(actor, members);
        }
        members(() -> {
            switch (op) {
                case "add" ->
                    Objects.requireNonNull(members)
                            .forEach(member -> teams.addPerson(actor, id, member, Team.Role.MEMBER));
                case "remove" -> {
                    if (members == null) {
                        teams.replaceMembers(actor, id, List.of());
                    } else {
                        members.forEach(member -> teams.removePerson(actor, id, member, Team.Role.MEMBER));
                    }
                }
                case "replace" -> teams.replaceMembers(actor, id, Objects.requireNonNull(members));
                default -> throw ScimException.invalidValue("op must be add, replace or remove.");
            }
            return teams.get(actor, id);
        });
    }

    /** Members must be Users SCIM sees (one statement for all of them). */
    private void requireUsers(Actor actor, List<UUID> members) {
        List<UUID> distinct = members.stream().distinct().toList();
        List<Person> found = people.getAll(actor, distinct);
        if (found.size() != distinct.size() || found.stream().anyMatch(Person::scimDeleted)) {
            throw ScimException.invalidValue("Unknown member.");
        }
    }

    static List<UUID> memberIds(@Nullable JsonNode members) {
        if (members == null || members.isNull()) {
            return List.of();
        }
        if (!members.isArray()) {
            throw ScimException.invalidValue("members must be an array.");
        }
        return members.valueStream()
                .map(member -> ScimUserMapping.uuid(member.path("value").asString(""), "member"))
                .toList();
    }

    /** Unknown members are the client's mistake: 400, not 404. */
    private static Team members(Supplier<Team> change) {
        try {
            return change.get();
        } catch (NotFoundException e) {
            throw ScimException.invalidValue("Unknown member.");
        }
    }
}
