package org.trellis.api.ratelimits;

/**
 * One leaky bucket a request is charged to.
 *
 * @param kind what it limits
 * @param key its name within the tenant (e.g. {@code graphql:person:<id>})
 * @param capacity its configured size (a tenant's override replaces it in the database)
 * @param restoreRate what it regains per second (likewise)
 */
record Bucket(LimitKind kind, String key, long capacity, long restoreRate) {

    static Bucket of(LimitKind kind, String key, RateLimitProperties.Limit limit) {
        return new Bucket(kind, key, limit.capacity(), limit.restoreRate());
    }
}
