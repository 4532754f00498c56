package org.trellis.api.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorKind;
import org.trellis.api.shared.ForbiddenException;
import org.trellis.api.shared.Role;

class ScimPolicyUnitTest {

    private static final UUID TENANT = UUID.randomUUID();

    @Test
    void onlyTenantAdminsManageScimCredentials() {
        Actor admin = new Actor(
                ActorKind.PERSON,
                TENANT,
                UUID.randomUUID(),
                null,
                "a",
                Set.of(Role.ENGINEER, Role.TENANT_ADMIN),
                Set.of());
        assertThat(ScimPolicy.mayManageCredentials(admin)).isTrue();
        assertThatCode(() -> ScimPolicy.requireManageCredentials(admin)).doesNotThrowAnyException();
    }

    @Test
    void managersClientsAndPlatformOperatorsDoNot() {
        Actor manager = new Actor(
                ActorKind.PERSON, TENANT, UUID.randomUUID(), null, "m", Set.of(Role.ENGINEER, Role.MANAGER), Set.of());
        Actor scimCredential = new Actor(
                ActorKind.SERVICE_CLIENT,
                TENANT,
                null,
                UUID.randomUUID(),
                "scim:okta",
                Set.of(),
                Set.of("people:read", "people:write"));
        for (Actor actor : new Actor[] {manager, scimCredential, Actor.platformOperator("op")}) {
            assertThat(ScimPolicy.mayManageCredentials(actor)).isFalse();
            assertThatThrownBy(() -> ScimPolicy.requireManageCredentials(actor)).isInstanceOf(ForbiddenException.class);
        }
    }
}
