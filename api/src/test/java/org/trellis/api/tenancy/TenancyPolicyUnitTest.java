package org.trellis.api.tenancy;

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

class TenancyPolicyUnitTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();

    @Test
    void tenantAdminsManageTheirOwnTenantsSignIn() {
        Actor admin = person(TENANT, Role.ENGINEER, Role.TENANT_ADMIN);
        assertThat(TenancyPolicy.mayManageSignIn(admin, TENANT)).isTrue();
        assertThatCode(() -> TenancyPolicy.requireManageIdentityProviders(admin, TENANT))
                .doesNotThrowAnyException();
        assertThatCode(() -> TenancyPolicy.requireManageServiceClients(admin, TENANT))
                .doesNotThrowAnyException();
        assertThat(TenancyPolicy.mayManageSignIn(admin, OTHER)).isFalse();
    }

    @Test
    void platformOperatorsManageEveryTenantsSignIn() {
        Actor operator = Actor.platformOperator("op");
        assertThat(TenancyPolicy.mayManageSignIn(operator, TENANT)).isTrue();
        assertThat(TenancyPolicy.mayManageSignIn(operator, OTHER)).isTrue();
    }

    @Test
    void managersEngineersAndClientsDoNot() {
        for (Actor actor : new Actor[] {
            person(TENANT, Role.ENGINEER, Role.MANAGER),
            person(TENANT, Role.ENGINEER),
            new Actor(
                    ActorKind.SERVICE_CLIENT,
                    TENANT,
                    null,
                    UUID.randomUUID(),
                    "bot",
                    Set.of(),
                    Set.of("people:write", "people:read"))
        }) {
            assertThat(TenancyPolicy.mayManageSignIn(actor, TENANT)).isFalse();
            assertThatThrownBy(() -> TenancyPolicy.requireManageIdentityProviders(actor, TENANT))
                    .isInstanceOf(ForbiddenException.class)
                    .hasMessageContaining("identity providers");
            assertThatThrownBy(() -> TenancyPolicy.requireManageServiceClients(actor, TENANT))
                    .isInstanceOf(ForbiddenException.class)
                    .hasMessageContaining("service clients");
        }
    }

    private static Actor person(UUID tenant, Role... roles) {
        return new Actor(ActorKind.PERSON, tenant, UUID.randomUUID(), null, "p", Set.of(roles), Set.of());
    }
}
