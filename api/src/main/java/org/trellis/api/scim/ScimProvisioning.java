package org.trellis.api.scim;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.people.PeopleService;
import org.trellis.api.people.Person;
import org.trellis.api.people.PersonChanges;
import org.trellis.api.people.PersonStatus;
import org.trellis.api.people.PersonUpdate;
import org.trellis.api.people.ProfileSource;
import org.trellis.api.people.Team;
import org.trellis.api.people.TeamLookups;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.NotFoundException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SCIM User reads and writes, each in one transaction over the people services (which authorize and audit): a request
 * either applies whole or not at all. People deleted through SCIM are no Users: NOT_FOUND, and no manager either.
 */
@Service
class ScimProvisioning {

    private final PeopleService people;
    private final PersonChanges changes;
    private final TeamLookups teams;
    private final ScimCredentialService credentials;
    private final ScimUserAttributeRows attributes;

    ScimProvisioning(
            PeopleService people,
            PersonChanges changes,
            TeamLookups teams,
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
        user(actor, id);
        return replace(actor, id, fields);
    }

    @Transactional
    public Person patchUser(Actor actor, UUID id, JsonNode request, String baseUrl) {
        Person current = user(actor, id);
        var patched = ScimUserPatch.patch(
                resources(actor, List.of(current), baseUrl, false).getFirst(), request);
        return replace(actor, id, ScimUserMapping.fromResource(patched));
    }

    /** The person with this id, unless SCIM deleted them: then, as when there is none, SCIM's 404. */
    @Transactional(readOnly = true)
    Person user(Actor actor, UUID id) {
        Person person = people.get(actor, id);
        if (person.scimDeleted()) {
            throw ScimException.notFound("No such user.");
        }
        return person;
    }

    /**
     * People as SCIM User resources: their SCIM-only attributes read in one statement, and the Groups they are
     * members of in another unless {@code withGroups} is false.
     */
    @Transactional(readOnly = true)
    List<ObjectNode> resources(Actor actor, List<Person> persons, String baseUrl, boolean withGroups) {
        List<UUID> ids = persons.stream().map(Person::id).toList();
        Map<UUID, ScimAttributes> kept = attributes.of(ids);
        Map<UUID, List<Team>> groups = withGroups ? teams.memberTeams(actor, ids) : Map.of();
        return persons.stream()
                .map(person -> {
                    ObjectNode user = ScimUserMapping.toResource(person, baseUrl);
                    kept.getOrDefault(person.id(), ScimAttributes.NONE).render(user);
                    ScimUserMapping.renderGroups(user, groups.getOrDefault(person.id(), List.of()), baseUrl);
                    return user;
                })
                .toList();
    }

    private Person replace(Actor actor, UUID id, ScimUserMapping.Fields fields) {
        Person updated = changes.update(actor, id, PersonUpdate.replacing(fields.profile()));
        attributes.save(actor.tenant(), id, fields.attributes());
        return settle(actor, provisioned(actor, updated), fields);
    }

    /** From now on SCIM manages the person, for the identity provider its credential is bound to (if any). */
    private Person provisioned(Actor actor, Person person) {
        UUID provider = credentials
                .boundIdentityProvider(Objects.requireNonNull(actor.serviceClientId()))
                .orElse(null);
        return changes.provisionedBy(actor, person.id(), ProfileSource.SCIM, provider);
    }

    private Person settle(Actor actor, Person person, ScimUserMapping.Fields fields) {
        Person result = person;
        if (!Objects.equals(result.managerId(), fields.managerId())) {
            UUID manager = fields.managerId();
            if (manager != null
                    && people.getAll(actor, List.of(manager)).stream().allMatch(Person::scimDeleted)) {
                throw ScimException.invalidValue("Unknown manager.");
            }
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
