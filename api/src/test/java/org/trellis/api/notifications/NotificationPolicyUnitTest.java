package org.trellis.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorKind;
import org.trellis.api.shared.ForbiddenException;
import org.trellis.api.shared.Role;
import org.trellis.api.shared.Scopes;

/** Outbound webhooks: tenant admins, and nobody else. */
class NotificationPolicyUnitTest {

    @Test
    void tenantAdminsAdministerOutboundWebhooks() {
        Actor admin = person(Role.TENANT_ADMIN);
        assertThat(NotificationPolicy.canAdminister(admin)).isTrue();
        assertThatCode(() -> NotificationPolicy.requireAdmin(admin)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"MANAGER", "ENGINEER", "PROMOTION_COMMITTEE"})
    void otherRolesAreRefused(Role role) {
        Actor member = person(role);
        assertThat(NotificationPolicy.canAdminister(member)).isFalse();
        assertThatThrownBy(() -> NotificationPolicy.requireAdmin(member)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void serviceClientsWithEveryScopeAreRefused() {
        Actor client = new Actor(
                ActorKind.SERVICE_CLIENT, UUID.randomUUID(), null, UUID.randomUUID(), "c", Set.of(), Scopes.KNOWN);
        assertThat(NotificationPolicy.canAdminister(client)).isFalse();
        assertThatThrownBy(() -> NotificationPolicy.requireAdmin(client)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void theRelayItselfAdministersNothing() {
        Actor relay =
                new Actor(ActorKind.SERVICE_CLIENT, UUID.randomUUID(), null, null, Outcomes.RELAY, Set.of(), Set.of());
        assertThat(NotificationPolicy.canAdminister(relay)).isFalse();
    }

    @Test
    void platformOperatorsHaveNoTenantAndAreRefused() {
        Actor operator = Actor.platformOperator("ops");
        assertThat(NotificationPolicy.canAdminister(operator)).isFalse();
        assertThatThrownBy(() -> NotificationPolicy.requireAdmin(operator)).isInstanceOf(ForbiddenException.class);
    }

    private static Actor person(Role role) {
        return new Actor(ActorKind.PERSON, UUID.randomUUID(), UUID.randomUUID(), null, "s", Set.of(role), Set.of());
    }
}
