package org.trellis.api.tenancy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.trellis.api.support.IntegrationTest;

/**
 * {@code updateIdentityProvider} follows the one update rule (issue #13 item 3): omitted stays, null clears an optional
 * setting (the key set URL, the role mappings, the machine-token rules) and is REQUIRED for the others, an empty text
 * is INVALID. A second read shows what was stored.
 */
class ProviderUpdateClearingIntegrationTest extends IntegrationTest {

    private static final String UPDATE = "mutation($in: UpdateIdentityProviderInput!) { updateIdentityProvider(input:"
            + " $in) { identityProvider { id } userErrors { field code } } }";
    private static final String READ = "query($id: ID!) { node(id: $id) { ... on IdentityProvider { displayName"
            + " jwkSetUri roleMappings { claimValue } signInPolicy { justInTimeProvisioning trustEmailForLinking"
            + " machineTokenRules { claim } } } } }";

    private TestTenant tenant;
    private String admin;

    @BeforeEach
    void tenant() {
        tenant = newTenant("provider-clearing");
        admin = tenant.admin();
    }

    @Test
    void nullClearsRoleMappingsAndMachineTokenRulesWhileOmittedSettingsStay() {
        update(Map.of("signInPolicy", Map.of("trustEmailForLinking", true)))
                .path("updateIdentityProvider.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        Map<String, Object> clear = new HashMap<>(Map.of("id", tenant.providerId()));
        clear.put("roleMappings", null);
        Map<String, Object> policy = new HashMap<>();
        policy.put("machineTokenRules", null);
        clear.put("signInPolicy", policy);
        graphQl(admin)
                .document(UPDATE)
                .variable("in", clear)
                .execute()
                .path("updateIdentityProvider.userErrors")
                .entityList(Object.class)
                .hasSize(0);

        read().path("node.roleMappings")
                .entityList(Object.class)
                .hasSize(0)
                .path("node.signInPolicy.machineTokenRules")
                .entityList(Object.class)
                .hasSize(0)
                .path("node.signInPolicy.trustEmailForLinking")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("node.signInPolicy.justInTimeProvisioning")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("node.displayName")
                .entity(String.class)
                .isEqualTo("provider-clearing IdP");
    }

    @Test
    void anEmptyKeySetUrlAndNullForSettingsThatAlwaysHaveAValueAreRefused() {
        Map<String, Object> input = new HashMap<>(Map.of("jwkSetUri", ""));
        input.put("displayName", null);
        Map<String, Object> policy = new HashMap<>();
        policy.put("justInTimeProvisioning", null);
        input.put("signInPolicy", policy);
        GraphQlTester.Response refused = update(input);
        refused.path("updateIdentityProvider.identityProvider").valueIsNull();
        refused.path("updateIdentityProvider.userErrors[*].field")
                .entityList(Object.class)
                .contains(
                        List.of("input", "jwkSetUri"),
                        List.of("input", "displayName"),
                        List.of("input", "signInPolicy", "justInTimeProvisioning"));
        refused.path("updateIdentityProvider.userErrors[*].code")
                .entityList(String.class)
                .hasSize(3)
                .contains("INVALID", "REQUIRED");

        read().path("node.displayName")
                .entity(String.class)
                .isEqualTo("provider-clearing IdP")
                .path("node.jwkSetUri")
                .valueIsNull()
                .path("node.roleMappings")
                .entityList(Object.class)
                .hasSize(2);
    }

    private GraphQlTester.Response update(Map<String, Object> changes) {
        Map<String, Object> input = new HashMap<>(changes);
        input.put("id", tenant.providerId());
        return graphQl(admin).document(UPDATE).variable("in", input).execute();
    }

    /** As the platform operator: without its role mappings, the tenant's admin is no longer one. */
    private GraphQlTester.Response read() {
        return graphQl(platformToken())
                .document(READ)
                .variable("id", tenant.providerId())
                .execute();
    }
}
