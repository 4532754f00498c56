package org.trellis.api.scim;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.trellis.api.people.PeopleService;
import org.trellis.api.people.Person;
import org.trellis.api.people.PersonChanges;
import org.trellis.api.people.PersonStatus;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** SCIM {@code /Users}: people of the credential's tenant. DELETE deactivates (Trellis keeps people's history). */
@RestController
@RequestMapping(
        path = "/scim/v2/Users",
        produces = {ScimErrors.MEDIA_TYPE, "application/json"})
class ScimUsersController {

    static final int MAX_PAGE = 200;
    private static final Set<String> FILTERABLE = Set.of("userName", "externalId", "emails.value", "displayName");

    private final PeopleService people;
    private final PersonChanges changes;
    private final ScimProvisioning provisioning;

    ScimUsersController(PeopleService people, PersonChanges changes, ScimProvisioning provisioning) {
        this.people = people;
        this.changes = changes;
        this.provisioning = provisioning;
    }

    @GetMapping
    ObjectNode list(
            @RequestParam(required = false) @Nullable String filter,
            @RequestParam(defaultValue = "1") int startIndex,
            @RequestParam(defaultValue = "100") int count) {
        int start = Math.max(1, startIndex);
        int size = Math.max(0, Math.min(MAX_PAGE, count));
        var page = people.findExact(actor(), ScimFilter.parse(filter, FILTERABLE), start - 1L, size);
        return ScimLists.of(provisioning.resources(page.people(), base()), page.total(), start);
    }

    @GetMapping("/{id}")
    ObjectNode get(@PathVariable String id) {
        return provisioning.resource(people.get(actor(), ScimUserMapping.pathId(id, "user")), base());
    }

    @PostMapping(consumes = {ScimErrors.MEDIA_TYPE, "application/json"})
    ResponseEntity<ObjectNode> create(@RequestBody JsonNode user) {
        Person created = provisioning.createUser(actor(), ScimUserMapping.fromResource(user));
        return ResponseEntity.created(java.net.URI.create(base() + "/Users/" + created.id()))
                .body(provisioning.resource(created, base()));
    }

    @PutMapping(
            path = "/{id}",
            consumes = {ScimErrors.MEDIA_TYPE, "application/json"})
    ObjectNode replace(@PathVariable String id, @RequestBody JsonNode user) {
        return provisioning.resource(
                provisioning.replaceUser(
                        actor(), ScimUserMapping.pathId(id, "user"), ScimUserMapping.fromResource(user)),
                base());
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {ScimErrors.MEDIA_TYPE, "application/json"})
    ObjectNode patch(@PathVariable String id, @RequestBody JsonNode request) {
        return provisioning.resource(
                provisioning.patchUser(actor(), ScimUserMapping.pathId(id, "user"), request, base()), base());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        UUID person = ScimUserMapping.pathId(id, "user");
        changes.setStatus(actor(), person, PersonStatus.DEACTIVATED);
        return ResponseEntity.noContent().build();
    }

    private static Actor actor() {
        return ActorAuthentication.current();
    }

    static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/scim/v2")
                .toUriString();
    }

    /** SCIM ListResponse bodies. */
    static final class ScimLists {

        private ScimLists() {}

        static ObjectNode of(List<ObjectNode> resources, int total, int startIndex) {
            ObjectNode list = JsonNodeFactory.instance.objectNode();
            list.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:ListResponse");
            list.put("totalResults", total);
            list.put("startIndex", startIndex);
            list.put("itemsPerPage", resources.size());
            list.putArray("Resources").addAll(resources);
            return list;
        }
    }
}
