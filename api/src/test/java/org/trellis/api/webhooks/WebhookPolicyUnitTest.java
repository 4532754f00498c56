package org.trellis.api.webhooks;

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

/** Webhook endpoints and unmatched events: tenant admins, and nobody else. */
class WebhookPolicyUnitTest {

    @Test
    void tenantAdminsAdministerWebhooks() {
        Actor admin = person(Role.TENANT_ADMIN);
        assertThat(WebhookPolicy.canAdminister(admin)).isTrue();
        assertThatCode(() -> WebhookPolicy.requireAdmin(admin)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"MANAGER", "ENGINEER"})
    void otherRolesAreRefused(Role role) {
        Actor member = person(role);
        assertThat(WebhookPolicy.canAdminister(member)).isFalse();
        assertThatThrownBy(() -> WebhookPolicy.requireAdmin(member)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aMemberWithoutRolesIsRefused() {
        Actor member = new Actor(ActorKind.PERSON, UUID.randomUUID(), UUID.randomUUID(), null, "s", Set.of(), Set.of());
        assertThat(WebhookPolicy.canAdminister(member)).isFalse();
        assertThatThrownBy(() -> WebhookPolicy.requireAdmin(member)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void noClientScopeReachesWebhooks() {
        Actor client = new Actor(
                ActorKind.SERVICE_CLIENT, UUID.randomUUID(), null, UUID.randomUUID(), "c", Set.of(), Scopes.KNOWN);
        assertThat(WebhookPolicy.canAdminister(client)).isFalse();
        assertThatThrownBy(() -> WebhookPolicy.requireAdmin(client)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void deliveryActorsDoNotAdministerWebhooks() {
        Actor endpoint = Attribution.endpointActor(UUID.randomUUID(), UUID.randomUUID(), WebhookProvider.GITHUB);
        assertThat(WebhookPolicy.canAdminister(endpoint)).isFalse();
        assertThatThrownBy(() -> WebhookPolicy.requireAdmin(endpoint)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void platformOperatorsHaveNoTenantAndAreRefused() {
        Actor operator = Actor.platformOperator("ops");
        assertThat(WebhookPolicy.canAdminister(operator)).isFalse();
        assertThatThrownBy(() -> WebhookPolicy.requireAdmin(operator)).isInstanceOf(ForbiddenException.class);
    }

    private static Actor person(Role role) {
        return new Actor(ActorKind.PERSON, UUID.randomUUID(), UUID.randomUUID(), null, "s", Set.of(role), Set.of());
    }
}
