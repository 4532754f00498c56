package org.trellis.api.scim;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.people.PeopleService;
import org.trellis.api.people.Person;
import org.trellis.api.people.PersonChanges;
import org.trellis.api.people.PersonStatus;
import org.trellis.api.people.ProfileSource;
import org.trellis.api.people.Team;
import org.trellis.api.people.TeamService;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.NotFoundException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SCIM writes, each in one transaction over the people and team services (which authorize and audit): a User or
 * Group request either applies whole or not at all.
 */
@Service
class ScimProvisioning {

    private final PeopleService people;
    private final PersonChanges changes;
    private final TeamService teams;
    private final ScimCredentialService credentials;
    private final ScimUserAttributeRows attributes;

    ScimProvisioning(
            PeopleService people,
            PersonChanges changes,
            TeamService teams,
            ScimCredentialService credentials,
            ScimUserAttributeRows attributes) {
        this.people = people;
        this.changes = changes;
        this.teams = teams;
        this.credentials = credentials;
        this.attributes = attributes;
    }

    @Transactional
    public Person createUser(Actor actor, ScimUserMapping.Fields fields) {
        Person created = changes.create(actor, fields.profile(), ProfileSource.SCIM);
        attributes.save(actor.tenant(), created.id(), fields.attributes());
        return settle(actor, provisioned(actor, created), fields);
    }

    @Transactional
    public Person replaceUser(Actor actor, UUID id, ScimUserMapping.Fields fields) {
        Person updated = changes.update(actor, id, fields.profile());
        attributes.save(actor.tenant(), id, fields.attributes());
        return settle(actor, provisioned(actor, updated), fields);
    }

    /** A person as a SCIM User resource, with the attributes only SCIM keeps. */
    @Transactional(readOnly = true)
    ObjectNode resource(Person person, String baseUrl) {
        return resources(List.of(person), baseUrl).getFirst();
    }

    /** People as SCIM User resources, their SCIM-only attributes read in one statement. */
    @Transactional(readOnly = true)
    List<ObjectNode> resources(List<Person> persons, String baseUrl) {
        Map<UUID, ScimAttributes> kept =
                attributes.of(persons.stream().map(Person::id).toList());
        return persons.stream()
                .map(person -> {
                    ObjectNode user = ScimUserMapping.toResource(person, baseUrl);
                    kept.getOrDefault(person.id(), ScimAttributes.NONE).render(user);
                    return user;
                })
                .toList();
    }

    /** From now on SCIM manages the person, for the identity provider its credential is bound to (if any). */
    private Person provisioned(Actor actor, Person person) {
        UUID provider = credentials
                .boundIdentityProvider(Objects.requireNonNull(actor.serviceClientId()))
                .orElse(null);
        return changes.provisionedBy(actor, person.id(), ProfileSource.SCIM, provider);
    }

    @Transactional
    public Person patchUser(Actor actor, UUID id, JsonNode request, String baseUrl) {
        Person current = people.get(actor, id);
        var patched = ScimUserPatch.patch(resource(current, baseUrl), request);
        return replaceUser(actor, id, ScimUserMapping.fromResource(patched));
    }

    @Transactional
    public Team createGroup(Actor actor, String displayName, @Nullable String externalId, List<UUID> members) {
        Team team = teams.create(actor, displayName, null, externalId);
        return members(() -> teams.replaceMembers(actor, team.id(), members));
    }

    @Transactional
    public Team replaceGroup(Actor actor, UUID id, String displayName, List<UUID> members) {
        teams.update(actor, id, displayName, null, false);
        return members(() -> teams.replaceMembers(actor, id, members));
    }

    /** Group PATCH as Okta and Entra ID send it: members added, removed (by filter or by value), replaced; renames. */
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
                    team = teams.update(actor, id, value.get("displayName").asString(), null, false);
                }
                if (value.has("members")) {
                    applyMembers(actor, id, op, memberIds(value.get("members")));
                }
            } else if (path.equalsIgnoreCase("displayName") && value != null && !op.equals("remove")) {
                team = teams.update(actor, id, value.asString(), null, false);
            } else if (path.toLowerCase(Locale.ROOT).startsWith("members[value eq \"") && op.equals("remove")) {
                String member = path.substring("members[value eq \"".length(), path.length() - 2);
                teams.removePerson(actor, id, ScimUserMapping.uuid(member, "member"), Team.Role.MEMBER);
            } else if (path.equalsIgnoreCase("members")) {
                applyMembers(actor, id, op, value == null ? null : memberIds(value));
            } else {
                throw ScimException.invalidPath("Unsupported path " + path + ".");
            }
        }
        return team;
    }

    private void applyMembers(Actor actor, UUID id, String op, @Nullable List<UUID> members) {
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
    private static Team members(java.util.function.Supplier<Team> change) {
        try {
            return change.get();
        } catch (NotFoundException e) {
            throw ScimException.invalidValue("Unknown member.");
        }
    }

    private Person settle(Actor actor, Person person, ScimUserMapping.Fields fields) {
        Person result = person;
        if (!Objects.equals(result.managerId(), fields.managerId())) {
            try {
                result = changes.setManager(actor, result.id(), fields.managerId());
            } catch (NotFoundException e) {
                throw ScimException.invalidValue("Unknown manager.");
            }
        }
        PersonStatus status = fields.active() ? PersonStatus.ACTIVE : PersonStatus.DEACTIVATED;
        if (result.status() != status) {
            result = changes.setStatus(actor, result.id(), status);
        }
        return result;
    }
}
