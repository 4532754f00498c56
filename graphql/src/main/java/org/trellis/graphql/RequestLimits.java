package org.trellis.graphql;

import java.time.Duration;

/**
 * Bounds on one GraphQL request. The first ones are checked before anything executes, the last two while it runs.
 *
 * @param maxDepth deepest field nesting
 * @param maxCost fields the operation may resolve, each counted once for every item of every list above it at that
 *     list's maximum ({@code first}/{@code last} for connections, {@code @listSize} for other lists); see {@link
 *     QueryCost}
 * @param maxAliases aliased fields in one document
 * @param maxPageSize largest {@code first}/{@code last}
 * @param defaultPageSize page size a connection answers (and the cost assumes) when it is given none
 * @param maxTokens parser tokens in one document
 * @param maxCharacters characters in one document
 * @param maxResponseBytes about how many bytes of JSON the answer may have
 * @param executionTimeout how long a request may run; no data fetcher starts after it
 */
public record RequestLimits(
        int maxDepth,
        long maxCost,
        int maxAliases,
        int maxPageSize,
        int defaultPageSize,
        int maxTokens,
        int maxCharacters,
        long maxResponseBytes,
        Duration executionTimeout) {}
