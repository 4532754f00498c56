package org.trellis.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorKind;
import org.trellis.api.shared.ConflictException;
import org.trellis.api.shared.ForbiddenException;
import org.trellis.api.shared.InvalidInputException;
import org.trellis.api.shared.Role;

/** Who may export, erase and set retention: each kind of caller, allowed and refused. */
class PrivacyPolicyUnitTest {

    private static final UUID TENANT = UUID.randomUUID();

    @Test
    void allowsTenantAdmins() {
        Actor admin = person(Role.TENANT_ADMIN, Role.ENGINEER);
        assertThat(PrivacyPolicy.mayManagePersonalData(admin)).isTrue();
        assertThat(PrivacyPolicy.requireAdmin(admin)).isEqualTo(TENANT);
    }

    @Test
    void refusesManagersEngineersAndCommittees() {
        for (Role role : Set.of(Role.MANAGER, Role.ENGINEER, Role.PROMOTION_COMMITTEE)) {
            Actor actor = person(role);
            assertThat(PrivacyPolicy.mayManagePersonalData(actor))
                    .as(role.name())
                    .isFalse();
            assertThatThrownBy(() -> PrivacyPolicy.requireAdmin(actor)).isInstanceOf(ForbiddenException.class);
        }
    }

    @Test
    void refusesServiceClientsWhateverTheirScopes() {
        Actor client = new Actor(
                ActorKind.SERVICE_CLIENT,
                TENANT,
                null,
                UUID.randomUUID(),
                "client",
                Set.of(Role.TENANT_ADMIN),
                Set.of("people:read", "people:write", "evidence:read", "evidence:write"));
        assertThat(PrivacyPolicy.mayManagePersonalData(client)).isFalse();
        assertThatThrownBy(() -> PrivacyPolicy.requireAdmin(client)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void refusesPlatformOperators() {
        Actor operator = Actor.platformOperator("operator");
        assertThat(PrivacyPolicy.mayManagePersonalData(operator)).isFalse();
        assertThatThrownBy(() -> PrivacyPolicy.requireAdmin(operator)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void erasesAnotherPersonOnceTheirIdIsRepeated() {
        Actor admin = person(Role.TENANT_ADMIN);
        UUID other = UUID.randomUUID();
        assertThatCode(() -> PrivacyPolicy.requireErasable(admin, other, other)).doesNotThrowAnyException();
        assertThatThrownBy(() -> PrivacyPolicy.requireErasable(admin, other, UUID.randomUUID()))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void refusesErasingOneself() {
        Actor admin = person(Role.TENANT_ADMIN);
        assertThatThrownBy(() -> PrivacyPolicy.requireErasable(admin, admin.personId(), admin.personId()))
                .isInstanceOf(ConflictException.class);
    }

    private static Actor person(Role... roles) {
        return new Actor(ActorKind.PERSON, TENANT, UUID.randomUUID(), null, "subject", Set.of(roles), Set.of());
    }
}
