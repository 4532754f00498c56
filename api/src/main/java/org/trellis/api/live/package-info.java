/**
 * Live updates: GraphQL subscriptions over WebSocket ({@code graphql-transport-ws} at {@code /graphql}), fed from
 * the outbox through one LISTEN connection per instance and delivered only to subscribers who could read each event.
 */
@NullMarked
package org.trellis.api.live;

import org.jspecify.annotations.NullMarked;
