package org.trellis.api.ratelimits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits ({@code trellis.rate-limits.*}): the size and restore rate of each kind of bucket. A tenant may have its
 * own sizes (rows of {@code rate_limit_override}, set by operators in SQL), which replace these. The defaults are in
 * {@code application.properties}.
 *
 * @param enabled false turns every limit off (nothing is counted, no statement is sent)
 * @param graphqlTenant a tenant's GraphQL budget, shared by all its callers, in query-cost points
 * @param graphqlActor each person's or service client's own GraphQL budget, in query-cost points
 * @param scim each SCIM credential's budget, in requests
 * @param webhooks each webhook endpoint's budget, in deliveries
 * @param leaseLifetime how long an instance may admit requests from points it charged ahead ({@link Leases}): a
 *     tenant's new limits apply within it; 0 decides every request in the database
 */
@ConfigurationProperties("trellis.rate-limits")
record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        Limit graphqlTenant,
        Limit graphqlActor,
        Limit scim,
        Limit webhooks,
        @DefaultValue("1s") Duration leaseLifetime) {

    /**
     * One leaky bucket's size.
     *
     * @param capacity the most it holds: the largest burst
     * @param restoreRate what it regains per second: the sustained rate
     */
    record Limit(long capacity, long restoreRate) {

        Limit {
            if (capacity < 1 || restoreRate < 1) {
                throw new IllegalArgumentException("A rate limit needs a capacity and a restore rate of at least 1.");
            }
        }
    }
}
