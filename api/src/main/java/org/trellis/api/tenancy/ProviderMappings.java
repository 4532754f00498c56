package org.trellis.api.tenancy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.trellis.api.shared.Validation;
import org.trellis.graphql.UserError.Code;

/** Validation of a provider's claim names and role mappings as given by a caller. */
final class ProviderMappings {

    /** What a claim name may be: dots reach into nested claims. */
    static final String CLAIM_NAME = "[A-Za-z0-9_:/.-]{1,100}";

    private static final int MAX_ROLE_MAPPINGS = 100;

    private ProviderMappings() {}

    static ClaimMappings claims(Validation validation, @Nullable ClaimMappings input, ClaimMappings current) {
        if (input == null) {
            return current;
        }
        return new ClaimMappings(
                claim(validation, input.subject(), current.subject(), "subject"),
                claim(validation, input.email(), current.email(), "email"),
                claim(validation, input.name(), current.name(), "name"),
                claim(validation, input.roles(), current.roles(), "roles"));
    }

    private static String claim(Validation validation, @Nullable String value, String current, String field) {
        if (value == null) {
            return current;
        }
        if (!value.matches(CLAIM_NAME)) {
            validation.reject(Code.INVALID, "1 to 100 letters, digits and _ : / . -", "input", "claimMappings", field);
            return current;
        }
        return value;
    }

    static List<RoleMapping> roles(Validation validation, List<RoleMapping> input) {
        if (input.size() > MAX_ROLE_MAPPINGS) {
            validation.reject(
                    Code.INVALID, "At most " + MAX_ROLE_MAPPINGS + " role mappings.", "input", "roleMappings");
            return List.of();
        }
        Set<RoleMapping> seen = new HashSet<>();
        List<RoleMapping> valid = new ArrayList<>();
        for (RoleMapping mapping : input) {
            String value = validation.text(mapping.claimValue(), 200, "input", "roleMappings", "claimValue");
            if (!mapping.role().grantableByTenant()) {
                validation.reject(Code.INVALID, "A tenant cannot grant this role.", "input", "roleMappings", "role");
            } else if (value != null && seen.add(new RoleMapping(value, mapping.role()))) {
                valid.add(new RoleMapping(value, mapping.role()));
            }
        }
        return valid;
    }
}
