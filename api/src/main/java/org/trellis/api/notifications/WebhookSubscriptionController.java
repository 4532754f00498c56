package org.trellis.api.notifications;

import graphql.execution.DataFetcherResult;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.EventType;
import org.trellis.api.shared.Ids.WebhookSubscriptionId;
import org.trellis.graphql.GlobalId;
import org.trellis.graphql.UserError;

/** GraphQL type {@code WebhookSubscription}: tenant admins list, create, edit, rotate and delete subscriptions. */
@Controller
class WebhookSubscriptionController {

    private final WebhookSubscriptionService subscriptions;

    WebhookSubscriptionController(WebhookSubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @QueryMapping
    DataFetcherResult<Window<WebhookSubscription>> webhookSubscriptions(ScrollSubrange subrange) {
        return subscriptions.list(actor(), subrange);
    }

    @MutationMapping
    IssuedPayload createWebhookSubscription(@Argument CreateInput input) {
        var issued = subscriptions.create(
                actor(), new WebhookSubscriptionService.Edit(input.url(), input.description(), input.eventTypes()));
        return new IssuedPayload(issued.subscription(), issued.secret(), List.of());
    }

    @MutationMapping
    SubscriptionPayload updateWebhookSubscription(@Argument UpdateInput input) {
        return new SubscriptionPayload(
                subscriptions.update(
                        actor(),
                        input.id().value(),
                        new WebhookSubscriptionService.Edit(input.url(), input.description(), input.eventTypes()),
                        input.enabled()),
                List.of());
    }

    @MutationMapping
    IssuedPayload rotateWebhookSubscriptionSecret(@Argument IdInput input) {
        var issued = subscriptions.rotate(actor(), input.id().value());
        return new IssuedPayload(issued.subscription(), issued.secret(), List.of());
    }

    @MutationMapping
    DeletedPayload deleteWebhookSubscription(@Argument IdInput input) {
        return new DeletedPayload(
                GlobalId.encode(
                        "WebhookSubscription",
                        subscriptions.delete(actor(), input.id().value())),
                List.of());
    }

    private static Actor actor() {
        return ActorAuthentication.current();
    }

    record CreateInput(String url, @Nullable String description, List<EventType> eventTypes) {}

    record UpdateInput(
            WebhookSubscriptionId id,
            @Nullable String url,
            @Nullable String description,
            @Nullable List<EventType> eventTypes,
            @Nullable Boolean enabled) {}

    record IdInput(WebhookSubscriptionId id) {}

    record IssuedPayload(WebhookSubscription webhookSubscription, String secret, List<UserError> userErrors) {}

    record SubscriptionPayload(WebhookSubscription webhookSubscription, List<UserError> userErrors) {}

    record DeletedPayload(String deletedId, List<UserError> userErrors) {}
}
