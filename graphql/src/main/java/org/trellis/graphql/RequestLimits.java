package org.trellis.graphql;

/**
 * Bounds on one GraphQL request, checked before anything executes.
 *
 * @param maxDepth deepest field nesting
 * @param maxComplexity fields to resolve, each multiplied by the page sizes ({@code first}/{@code last}) above it
 * @param maxAliases aliased fields in one document
 * @param maxPageSize largest {@code first}/{@code last}
 * @param defaultPageSize page size assumed for complexity when a connection gives none
 * @param maxTokens parser tokens in one document
 * @param maxCharacters characters in one document
 */
public record RequestLimits(
        int maxDepth,
        int maxComplexity,
        int maxAliases,
        int maxPageSize,
        int defaultPageSize,
        int maxTokens,
        int maxCharacters) {}
