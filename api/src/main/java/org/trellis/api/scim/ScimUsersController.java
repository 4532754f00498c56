package org.trellis.api.scim;

import java.util.List;
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
import org.trellis.api.people.Person;
import org.trellis.api.people.PersonDeletions;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * SCIM {@code /Users}: people of the credential's tenant. DELETE keeps the person for history, deactivated, but SCIM
 * answers 404 for them from then on and leaves them out of lists and filters ({@link PersonDeletions}).
 */
@RestController
@RequestMapping(
        path = "/scim/v2/Users",
        produces = {ScimErrors.MEDIA_TYPE, "application/json"})
class ScimUsersController {

    /** The most resources a list answers per page, whatever {@code count} asks (Users and Groups alike). */
    static final int MAX_PAGE = 200;

    private final ScimSearch search;
    private final PersonDeletions deletions;
    private final ScimProvisioning provisioning;

    ScimUsersController(ScimSearch search, PersonDeletions deletions, ScimProvisioning provisioning) {
        this.search = search;
        this.deletions = deletions;
        this.provisioning = provisioning;
    }

    @GetMapping
    ObjectNode list(
            @RequestParam(required = false) @Nullable String filter,
            @RequestParam(defaultValue = "1") int startIndex,
            @RequestParam(defaultValue = "100") int count,
            @RequestParam(required = false) @Nullable String attributes,
            @RequestParam(required = false) @Nullable String excludedAttributes) {
        int start = Math.max(1, startIndex);
        int size = Math.max(0, Math.min(MAX_PAGE, count));
        ScimProjection projection = projection(attributes, excludedAttributes);
        var page = search.users(actor(), filter, start - 1L, size);
        List<ObjectNode> users =
                provisioning.resources(actor(), page.people(), base(), projection.includes("groups")).stream()
                        .map(projection::apply)
                        .toList();
        return ScimLists.of(users, page.total(), start);
    }

    @GetMapping("/{id}")
    ObjectNode get(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String attributes,
            @RequestParam(required = false) @Nullable String excludedAttributes) {
        ScimProjection projection = projection(attributes, excludedAttributes);
        Person person = provisioning.user(actor(), ScimUserMapping.pathId(id, "user"));
        return projection.apply(provisioning
                .resources(actor(), List.of(person), base(), projection.includes("groups"))
                .getFirst());
    }

    @PostMapping(consumes = {ScimErrors.MEDIA_TYPE, "application/json"})
    ResponseEntity<ObjectNode> create(@RequestBody JsonNode user) {
        Person created = provisioning.createUser(actor(), ScimUserMapping.fromResource(user));
        return ResponseEntity.created(java.net.URI.create(base() + "/Users/" + created.id()))
                .body(resource(created));
    }

    @PutMapping(
            path = "/{id}",
            consumes = {ScimErrors.MEDIA_TYPE, "application/json"})
    ObjectNode replace(@PathVariable String id, @RequestBody JsonNode user) {
        return resource(provisioning.replaceUser(
                actor(), ScimUserMapping.pathId(id, "user"), ScimUserMapping.fromResource(user)));
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {ScimErrors.MEDIA_TYPE, "application/json"})
    ObjectNode patch(@PathVariable String id, @RequestBody JsonNode request) {
        return resource(provisioning.patchUser(actor(), ScimUserMapping.pathId(id, "user"), request, base()));
    }

    /** RFC 7644 §3.6: 204, and 404 for the resource from then on (for another DELETE too). */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        deletions.deleteThroughScim(actor(), ScimUserMapping.pathId(id, "user"));
        return ResponseEntity.noContent().build();
    }

    private ObjectNode resource(Person person) {
        return provisioning.resources(actor(), List.of(person), base(), true).getFirst();
    }

    private static ScimProjection projection(@Nullable String attributes, @Nullable String excludedAttributes) {
        return ScimProjection.of(attributes, excludedAttributes, ScimUserMapping.USER, ScimUserMapping.ENTERPRISE);
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
