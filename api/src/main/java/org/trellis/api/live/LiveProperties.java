package org.trellis.api.live;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of live updates ({@code trellis.live.*}), per instance.
 *
 * @param maxSubscriptionsPerConnection subscriptions one WebSocket connection may hold at once
 * @param maxConnectionsPerActor connections one caller (one person or service client) may hold at once
 * @param maxConnectionsPerTenant connections all callers of one tenant may hold at once
 */
@ConfigurationProperties("trellis.live")
record LiveProperties(
        @DefaultValue("10") int maxSubscriptionsPerConnection,
        @DefaultValue("5") int maxConnectionsPerActor,
        @DefaultValue("500") int maxConnectionsPerTenant) {}
