package org.trellis.api.live;

import org.springframework.boot.graphql.autoconfigure.GraphQlCorsProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring GraphQL's WebSocket handler ({@code spring.graphql.websocket.path}), telling {@link LiveSessions} about
 * each connection, so it can enforce limits and close connections whose token expired or when the application stops.
 */
@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    @Bean
    GraphQlWebSocketHandler graphQlWebSocketHandler(
            WebGraphQlHandler handler,
            GraphQlProperties properties,
            GraphQlCorsProperties cors,
            LiveSessions sessions,
            JsonMapper json) {
        @SuppressWarnings("unchecked")
        HttpMessageConverter<Object> converter =
                (HttpMessageConverter<Object>) (HttpMessageConverter<?>) new JacksonJsonHttpMessageConverter(json);
        return new GraphQlWebSocketHandler(
                handler,
                converter,
                properties.getWebsocket().getConnectionInitTimeout(),
                properties.getWebsocket().getKeepAlive(),
                cors.toCorsConfiguration() != null ? cors.toCorsConfiguration() : new CorsConfiguration()) {

            @Override
            public void afterConnectionEstablished(WebSocketSession session) {
                sessions.opened(session);
                super.afterConnectionEstablished(session);
            }

            @Override
            public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
                sessions.closed(session.getId());
                super.afterConnectionClosed(session, status);
            }
        };
    }
}
