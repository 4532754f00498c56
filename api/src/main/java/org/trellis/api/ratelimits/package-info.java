/**
 * Rate limits: leaky buckets kept in PostgreSQL and shared by every instance, for GraphQL (query cost, per tenant and
 * per caller), SCIM (requests per credential) and inbound webhooks (deliveries per endpoint).
 */
@NullMarked
package org.trellis.api.ratelimits;

import org.jspecify.annotations.NullMarked;
