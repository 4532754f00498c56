package org.trellis.api.scim;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** SCIM discovery: what this service provider supports (RFC 7643 §5–7). */
@RestController
@RequestMapping(
        path = "/scim/v2",
        produces = {ScimErrors.MEDIA_TYPE, "application/json"})
class ScimDiscoveryController {

    private static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    @GetMapping("/ServiceProviderConfig")
    Map<String, Object> serviceProviderConfig() {
        return Map.of(
                "schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"),
                "documentationUri", "https://github.com/trellis/trellis#scim",
                "patch", Map.of("supported", true),
                "bulk", Map.of("supported", false, "maxOperations", 0, "maxPayloadSize", 0),
                "filter", Map.of("supported", true, "maxResults", ScimUsersController.MAX_PAGE),
                "changePassword", Map.of("supported", false),
                "sort", Map.of("supported", false),
                "etag", Map.of("supported", false),
                "authenticationSchemes",
                        List.of(Map.of(
                                "type", "oauthbearertoken",
                                "name", "SCIM bearer credential",
                                "description",
                                        "A per-tenant credential created by a tenant admin (createScimCredential).",
                                "primary", true)));
    }

    @GetMapping("/ResourceTypes")
    Map<String, Object> resourceTypes() {
        return list(resourceTypeList());
    }

    @GetMapping("/ResourceTypes/{id}")
    Map<String, Object> resourceType(@PathVariable String id) {
        return one(resourceTypeList(), id, "resource type");
    }

    @GetMapping("/Schemas/{id}")
    Map<String, Object> schema(@PathVariable String id) {
        return one(ScimSchemas.all(), id, "schema");
    }

    private static Map<String, Object> one(List<Map<String, Object>> resources, String id, String what) {
        return resources.stream()
                .filter(resource -> id.equals(resource.get("id")))
                .findFirst()
                .orElseThrow(() -> ScimException.notFound("No such " + what + "."));
    }

    private static List<Map<String, Object>> resourceTypeList() {
        return List.of(
                Map.of(
                        "schemas",
                        List.of("urn:ietf:params:scim:schemas:core:2.0:ResourceType"),
                        "id",
                        "User",
                        "name",
                        "User",
                        "endpoint",
                        "/Users",
                        "schema",
                        ScimUserMapping.USER,
                        "schemaExtensions",
                        List.of(Map.of("schema", ScimUserMapping.ENTERPRISE, "required", false))),
                Map.of(
                        "schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:ResourceType"),
                        "id", "Group",
                        "name", "Group",
                        "endpoint", "/Groups",
                        "schema", ScimSchemas.GROUP));
    }

    @GetMapping("/Schemas")
    Map<String, Object> schemas() {
        return list(ScimSchemas.all());
    }

    private static Map<String, Object> list(List<Map<String, Object>> resources) {
        return Map.of(
                "schemas", List.of(LIST),
                "totalResults", resources.size(),
                "startIndex", 1,
                "itemsPerPage", resources.size(),
                "Resources", resources);
    }
}
