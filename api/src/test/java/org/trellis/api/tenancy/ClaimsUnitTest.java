package org.trellis.api.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class ClaimsUnitTest {

    @Test
    void readsNestedClaimsByDottedPath() {
        Jwt jwt = jwt(Map.of("realm_access", Map.of("roles", List.of("admins", "users"))));
        assertThat(Claims.values(jwt, "realm_access.roles")).containsExactly("admins", "users");
        assertThat(Claims.value(jwt, "realm_access.missing")).isNull();
        assertThat(Claims.value(jwt, "realm_access.roles.deeper")).isNull();
    }

    @Test
    void textIsTrimmedAndRefusedWhenBlankTooLongOrHoldingControlCharacters() {
        assertThat(Claims.text(jwt(Map.of("name", "  Ada  ")), "name", 10)).isEqualTo("Ada");
        assertThat(Claims.text(jwt(Map.of("name", "   ")), "name", 10)).isNull();
        assertThat(Claims.text(jwt(Map.of("name", "Ada Lovelace")), "name", 5)).isNull();
        assertThat(Claims.text(jwt(Map.of("name", "Ada\u0000")), "name", 10)).isNull();
        assertThat(Claims.text(jwt(Map.of("name", "Ada\u001b[2J")), "name", 10)).isNull();
        assertThat(Claims.text(jwt(Map.of("name", 42)), "name", 10)).isNull();
    }

    @Test
    void valuesSplitTextOnSpacesAndCommasAndKeepOnlyTextItems() {
        assertThat(Claims.values(jwt(Map.of("scope", "people:read  evidence:read,x")), "scope"))
                .containsExactly("people:read", "evidence:read", "x");
        assertThat(Claims.values(jwt(Map.of("groups", List.of("a", 1, "b"))), "groups"))
                .containsExactly("a", "b");
        assertThat(Claims.values(jwt(Map.of("groups", 7)), "groups")).isEmpty();
    }

    @Test
    void scopesComeFromScopeThenScpThenEntraRoles() {
        assertThat(Claims.scopes(jwt(Map.of("scope", "a b", "scp", List.of("c")))))
                .containsExactly("a", "b");
        assertThat(Claims.scopes(jwt(Map.of("scp", List.of("c"))))).containsExactly("c");
        assertThat(Claims.scopes(jwt(Map.of("roles", List.of("people:read"))))).containsExactly("people:read");
        assertThat(Claims.scopes(jwt(Map.of("other", "x")))).isEmpty();
    }

    private static Jwt jwt(Map<String, Object> claims) {
        Map<String, Object> all = new java.util.HashMap<>(claims);
        all.putIfAbsent("sub", "s");
        return new Jwt("token", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), all);
    }
}
