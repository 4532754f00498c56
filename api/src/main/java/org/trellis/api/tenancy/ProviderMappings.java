package org.trellis.api.tenancy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.ArgumentValue;
import org.trellis.api.shared.Change;
import org.trellis.api.shared.Validation;
import org.trellis.graphql.UserError.Code;

/** Validation of a provider's claim names and role mappings as given by a caller. */
final class ProviderMappings {

    /** What a claim name may be: dots reach into nested claims. */
    static final String CLAIM_NAME = "[A-Za-z0-9_:/.-]{1,100}";

    private static final int MAX_ROLE_MAPPINGS = 100;

    private ProviderMappings() {}

    /**
     * The claim names given over the current ones: an omitted claim keeps its name, and so does one given as null when
     * {@code creating} (otherwise null is REQUIRED: a claim always has a name).
     */
    static ClaimMappings claims(
            Validation validation, @Nullable ClaimMappingsInput input, ClaimMappings current, boolean creating) {
        if (input == null) {
            return current;
        }
        return new ClaimMappings(
                claim(validation, input.subject(), current.subject(), creating, "subject"),
                claim(validation, input.email(), current.email(), creating, "email"),
                claim(validation, input.name(), current.name(), creating, "name"),
                claim(validation, input.roles(), current.roles(), creating, "roles"));
    }

    private static String claim(
            Validation validation, ArgumentValue<String> given, String current, boolean creating, String field) {
        Change<String> change = creating ? Change.unlessNull(given.value()) : Change.of(given);
        String value = validation.required(change, current, "input", "claimMappings", field);
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
