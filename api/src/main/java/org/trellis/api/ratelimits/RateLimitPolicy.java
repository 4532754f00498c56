package org.trellis.api.ratelimits;

import java.util.List;
import java.util.UUID;
import org.trellis.api.shared.Actor;

/**
 * Who is limited, and by which buckets. A GraphQL caller of a tenant (person or service client) is charged to its
 * tenant's bucket and to its own, so one caller cannot spend the whole tenant's budget and no tenant can spend more
 * than its own; platform operators are not limited (they are few, and they are who lifts a tenant's limits). A SCIM
 * credential has its own bucket, as does each webhook endpoint (charged only for deliveries whose signature verified,
 * so forgeries cannot spend it); deliveries whose signature did not verify share one bucket per tenant, of the same
 * size, which bounds what a flood of forgeries costs.
 */
final class RateLimitPolicy {

    private final RateLimitProperties limits;

    RateLimitPolicy(RateLimitProperties limits) {
        this.limits = limits;
    }

    /** The buckets a GraphQL request of this caller is charged to, none when the caller is not limited. */
    List<Bucket> graphQl(Actor actor) {
        if (!limits.enabled() || actor.isPlatformOperator() || actor.tenantId() == null) {
            return List.of();
        }
        String own = actor.personId() != null
                ? "graphql:person:" + actor.personId()
                : actor.serviceClientId() != null ? "graphql:client:" + actor.serviceClientId() : null;
        if (own == null) {
            return List.of();
        }
        return List.of(
                Bucket.of(LimitKind.GRAPHQL_TENANT, "graphql:tenant", limits.graphqlTenant()),
                Bucket.of(LimitKind.GRAPHQL_ACTOR, own, limits.graphqlActor()));
    }

    /** The bucket a SCIM request with this credential is charged to (one per request). */
    List<Bucket> scim(UUID credentialId) {
        return limits.enabled() ? List.of(Bucket.of(LimitKind.SCIM, "scim:" + credentialId, limits.scim())) : List.of();
    }

    /** The tenant's one bucket for webhook deliveries whose signature did not verify (one per delivery). */
    List<Bucket> unverifiedWebhook() {
        return limits.enabled()
                ? List.of(Bucket.of(LimitKind.WEBHOOKS, "webhook:unverified", limits.webhooks()))
                : List.of();
    }

    /** The bucket a verified delivery to this webhook endpoint is charged to (one per delivery). */
    List<Bucket> webhook(UUID endpointId) {
        return limits.enabled()
                ? List.of(Bucket.of(LimitKind.WEBHOOKS, "webhook:" + endpointId, limits.webhooks()))
                : List.of();
    }
}
