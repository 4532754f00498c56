package org.trellis.api.webhooks;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.Ids.WebhookEndpointId;
import org.trellis.graphql.UserError;

/** GraphQL: tenant admins list, create, rotate and disable webhook endpoints. */
@Controller
class WebhookEndpointController {

    private final WebhookEndpointService endpoints;

    WebhookEndpointController(WebhookEndpointService endpoints) {
        this.endpoints = endpoints;
    }

    @QueryMapping
    List<WebhookEndpoint> webhookEndpoints() {
        return endpoints.list(actor());
    }

    @MutationMapping
    IssuedPayload createWebhookEndpoint(@Argument CreateInput input) {
        var issued = endpoints.create(actor(), input.provider(), input.name(), input.secret());
        return new IssuedPayload(issued.endpoint(), issued.secret(), List.of());
    }

    @MutationMapping
    IssuedPayload rotateWebhookSecret(@Argument RotateInput input) {
        var issued = endpoints.rotate(actor(), input.id().value(), input.secret());
        return new IssuedPayload(issued.endpoint(), issued.secret(), List.of());
    }

    @MutationMapping
    EndpointPayload disableWebhookEndpoint(@Argument IdInput input) {
        return new EndpointPayload(endpoints.disable(actor(), input.id().value()), List.of());
    }

    private static Actor actor() {
        return ActorAuthentication.current();
    }

    record CreateInput(
            WebhookProvider provider, String name, @Nullable String secret) {}

    record RotateInput(WebhookEndpointId id, @Nullable String secret) {}

    record IdInput(WebhookEndpointId id) {}

    record IssuedPayload(
            WebhookEndpoint webhookEndpoint, @Nullable String secret, List<UserError> userErrors) {}

    record EndpointPayload(WebhookEndpoint webhookEndpoint, List<UserError> userErrors) {}
}
