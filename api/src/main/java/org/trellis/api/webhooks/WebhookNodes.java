package org.trellis.api.webhooks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trellis.api.shared.NodeResolver;

/** {@code node(id:)} for webhook endpoints and unmatched events: tenant admins only. */
@Configuration(proxyBeanMethods = false)
class WebhookNodes {

    @Bean
    NodeResolver webhookEndpointNodes(WebhookEndpointService endpoints) {
        return NodeResolver.of("WebhookEndpoint", endpoints::get);
    }

    @Bean
    NodeResolver unmatchedEventNodes(UnmatchedEventService events) {
        return NodeResolver.of("UnmatchedEvent", events::get);
    }
}
