package org.trellis.api.notifications;

import graphql.execution.DataFetcherResult;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.BatchJoins;
import org.trellis.api.shared.Ids;
import org.trellis.api.shared.Ids.WebhookDeliveryId;
import org.trellis.api.shared.Ids.WebhookSubscriptionId;
import org.trellis.graphql.UserError;

/** GraphQL type {@code WebhookDelivery}: the delivery log, its subscription, and replaying a delivery. */
@Controller
class WebhookDeliveryController {

    private final WebhookDeliveryService deliveries;
    private final WebhookSubscriptionService subscriptions;

    WebhookDeliveryController(WebhookDeliveryService deliveries, WebhookSubscriptionService subscriptions) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
    }

    @QueryMapping
    DataFetcherResult<Window<WebhookDelivery>> webhookDeliveries(
            @Argument @Nullable WebhookSubscriptionId subscriptionId,
            @Argument WebhookDelivery.@Nullable Status status,
            ScrollSubrange subrange) {
        return deliveries.list(actor(), Ids.valueOf(subscriptionId), status, subrange);
    }

    @BatchMapping(typeName = "WebhookDelivery", field = "subscription")
    Map<WebhookDelivery, @Nullable WebhookSubscription> subscription(List<WebhookDelivery> list) {
        return BatchJoins.toOne(
                list,
                WebhookDelivery::subscriptionId,
                ids -> subscriptions.getAll(actor(), ids),
                WebhookSubscription::id);
    }

    @MutationMapping
    DeliveryPayload replayWebhookDelivery(@Argument IdInput input) {
        return new DeliveryPayload(deliveries.replay(actor(), input.id().value()), List.of());
    }

    private static Actor actor() {
        return ActorAuthentication.current();
    }

    record IdInput(WebhookDeliveryId id) {}

    record DeliveryPayload(WebhookDelivery webhookDelivery, List<UserError> userErrors) {}
}
