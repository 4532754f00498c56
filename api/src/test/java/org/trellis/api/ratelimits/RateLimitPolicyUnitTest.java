package org.trellis.api.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorKind;
import org.trellis.api.shared.Role;

class RateLimitPolicyUnitTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID ID = UUID.randomUUID();
    private static final RateLimitProperties.Limit TENANT_LIMIT = new RateLimitProperties.Limit(1000, 100);
    private static final RateLimitProperties.Limit ACTOR_LIMIT = new RateLimitProperties.Limit(200, 20);
    private static final RateLimitProperties.Limit SCIM = new RateLimitProperties.Limit(30, 3);
    private static final RateLimitProperties.Limit WEBHOOKS = new RateLimitProperties.Limit(40, 4);

    private static RateLimitPolicy policy(boolean enabled) {
        return new RateLimitPolicy(
                new RateLimitProperties(enabled, TENANT_LIMIT, ACTOR_LIMIT, SCIM, WEBHOOKS, Duration.ofSeconds(1)));
    }

    private static Actor person() {
        return new Actor(ActorKind.PERSON, TENANT, ID, null, "p", Set.of(Role.ENGINEER), Set.of());
    }

    private static Actor client() {
        return new Actor(ActorKind.SERVICE_CLIENT, TENANT, null, ID, "c", Set.of(), Set.of("people:read"));
    }

    @Test
    void aPersonIsChargedToTheTenantAndToThemselves() {
        assertThat(policy(true).graphQl(person()))
                .containsExactly(
                        new Bucket(LimitKind.GRAPHQL_TENANT, "graphql:tenant", 1000, 100),
                        new Bucket(LimitKind.GRAPHQL_ACTOR, "graphql:person:" + ID, 200, 20));
    }

    @Test
    void aServiceClientIsChargedToTheTenantAndToItself() {
        assertThat(policy(true).graphQl(client()))
                .containsExactly(
                        new Bucket(LimitKind.GRAPHQL_TENANT, "graphql:tenant", 1000, 100),
                        new Bucket(LimitKind.GRAPHQL_ACTOR, "graphql:client:" + ID, 200, 20));
    }

    @Test
    void aPlatformOperatorIsNotLimited() {
        assertThat(policy(true).graphQl(Actor.platformOperator("operator"))).isEmpty();
    }

    @Test
    void scimIsChargedPerCredentialAndWebhooksPerEndpoint() {
        assertThat(policy(true).scim(ID)).containsExactly(new Bucket(LimitKind.SCIM, "scim:" + ID, 30, 3));
        assertThat(policy(true).webhook(ID)).containsExactly(new Bucket(LimitKind.WEBHOOKS, "webhook:" + ID, 40, 4));
    }

    @Test
    void switchedOffNothingIsLimited() {
        RateLimitPolicy off = policy(false);
        assertThat(off.graphQl(person())).isEmpty();
        assertThat(off.graphQl(client())).isEmpty();
        assertThat(off.scim(ID)).isEmpty();
        assertThat(off.webhook(ID)).isEmpty();
    }
}
