package org.trellis.api.tenancy;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * One way a provider marks a token as a machine's (client credentials) rather than a person's: the claim is present
 * (neither {@code value} nor {@code sameAsClaim} given), has the text {@code value}, or has the same text as the
 * claim {@code sameAsClaim}. Dots in claim names reach into nested claims.
 */
public record MachineTokenRule(
        String claim, @Nullable String value, @Nullable String sameAsClaim) {

    boolean matches(Jwt jwt) {
        Object found = Claims.value(jwt, claim);
        if (found == null || (found instanceof String text && text.isBlank())) {
            return false;
        }
        if (value != null) {
            return value.equals(found);
        }
        if (sameAsClaim != null) {
            return found instanceof String && found.equals(Claims.value(jwt, sameAsClaim));
        }
        return true;
    }
}
