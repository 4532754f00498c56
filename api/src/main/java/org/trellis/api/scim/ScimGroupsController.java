package org.trellis.api.scim;

import java.util.List;
import java.util.Map;
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
import org.trellis.api.people.Person;
import org.trellis.api.people.Team;
import org.trellis.api.people.TeamService;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * SCIM {@code /Groups}: the tenant's teams and their members (Users SCIM sees: not those it deleted). Lists are paged
 * in the database, at most {@value ScimUsersController#MAX_PAGE} a page.
 */
@RestController
@RequestMapping(
        path = "/scim/v2/Groups",
        produces = {ScimErrors.MEDIA_TYPE, "application/json"})
class ScimGroupsController {

    private final TeamService teams;
    private final ScimSearch search;
    private final ScimGroupProvisioning provisioning;

    ScimGroupsController(TeamService teams, ScimSearch search, ScimGroupProvisioning provisioning) {
        this.teams = teams;
        this.search = search;
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
        int size = Math.max(0, Math.min(ScimUsersController.MAX_PAGE, count));
        ScimProjection projection = ScimProjection.of(attributes, excludedAttributes, ScimSchemas.GROUP);
        var page = search.groups(actor(), filter, start - 1L, size);
        return ScimUsersController.ScimLists.of(render(page.teams(), projection), page.total(), start);
    }

    @GetMapping("/{id}")
    ObjectNode get(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String attributes,
            @RequestParam(required = false) @Nullable String excludedAttributes) {
        Team team = teams.get(actor(), ScimUserMapping.pathId(id, "group"));
        return render(List.of(team), ScimProjection.of(attributes, excludedAttributes, ScimSchemas.GROUP))
                .getFirst();
    }

    @PostMapping(consumes = {ScimErrors.MEDIA_TYPE, "application/json"})
    ResponseEntity<ObjectNode> create(@RequestBody JsonNode group) {
        Team team = provisioning.createGroup(
                actor(),
                displayName(group),
                text(group, "externalId"),
                ScimGroupProvisioning.memberIds(group.get("members")));
        return ResponseEntity.created(java.net.URI.create(ScimUsersController.base() + "/Groups/" + team.id()))
                .body(render(List.of(team), ScimProjection.ALL).getFirst());
    }

    @PutMapping(
            path = "/{id}",
            consumes = {ScimErrors.MEDIA_TYPE, "application/json"})
    ObjectNode replace(@PathVariable String id, @RequestBody JsonNode group) {
        Team team = provisioning.replaceGroup(
                actor(),
                ScimUserMapping.pathId(id, "group"),
                displayName(group),
                ScimGroupProvisioning.memberIds(group.get("members")));
        return render(List.of(team), ScimProjection.ALL).getFirst();
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {ScimErrors.MEDIA_TYPE, "application/json"})
    ResponseEntity<ObjectNode> patch(@PathVariable String id, @RequestBody JsonNode request) {
        Team team = provisioning.patchGroup(actor(), ScimUserMapping.pathId(id, "group"), request);
        return ResponseEntity.ok(render(List.of(team), ScimProjection.ALL).getFirst());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        teams.delete(actor(), ScimUserMapping.pathId(id, "group"));
        return ResponseEntity.noContent().build();
    }

    /** Groups with their members (unless left out), loaded for the whole page at once. */
    private List<ObjectNode> render(List<Team> page, ScimProjection projection) {
        boolean withMembers = projection.includes("members");
        Map<UUID, List<Person>> members =
                withMembers ? teams.people(actor(), page.stream().map(Team::id).toList(), Team.Role.MEMBER) : Map.of();
        String base = ScimUsersController.base();
        return page.stream()
                .map(team -> {
                    ObjectNode group = JsonNodeFactory.instance.objectNode();
                    group.putArray("schemas").add(ScimSchemas.GROUP);
                    group.put("id", team.id().toString());
                    if (team.externalId() != null) {
                        group.put("externalId", team.externalId());
                    }
                    group.put("displayName", team.name());
                    if (withMembers) {
                        ArrayNode list = group.putArray("members");
                        members.getOrDefault(team.id(), List.of()).stream()
                                .filter(person -> !person.scimDeleted())
                                .forEach(person -> list.addObject()
                                        .put("value", person.id().toString())
                                        .put("display", person.displayName())
                                        .put("$ref", base + "/Users/" + person.id())
                                        .put("type", "User"));
                    }
                    ObjectNode meta = group.putObject("meta");
                    meta.put("resourceType", "Group");
                    meta.put("created", team.createdAt().toString());
                    meta.put("location", base + "/Groups/" + team.id());
                    return projection.apply(group);
                })
                .toList();
    }

    private static String displayName(JsonNode group) {
        String name = text(group, "displayName");
        if (name == null) {
            throw ScimException.invalidValue("displayName is required.");
        }
        return name;
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }

    private static Actor actor() {
        return ActorAuthentication.current();
    }
}
