package org.trellis.api.webhooks;

/** Where deliveries come from. */
public enum WebhookProvider {
    GITHUB,
    PAGERDUTY
}
