package org.trellis.api.ratelimits;

/**
 * A request refused by a rate limit: answer 429 with {@code Retry-After: retryAfterSeconds} and this detail.
 *
 * @param retryAfterSeconds whole seconds until the bucket has room again (at least 1)
 * @param detail what to tell the caller
 */
public record Refusal(long retryAfterSeconds, String detail) {}
