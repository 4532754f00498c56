package org.trellis.api.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request body caps in bytes ({@code trellis.http.max-request-bytes.*}) besides GraphQL's
 * ({@code trellis.graphql.limits.max-request-bytes}). Bodies over them are refused with 413 before anything parses
 * them, chunked ones as soon as the count passes the cap.
 *
 * @param scim SCIM resources and PATCH requests are small: 1 MiB leaves room for a group with thousands of members
 * @param webhooks provider deliveries
 */
@ConfigurationProperties("trellis.http.max-request-bytes")
record BodyLimits(
        @DefaultValue("1048576") long scim,
        @DefaultValue("524288") long webhooks) {}
