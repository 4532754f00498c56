package org.trellis.api.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook settings ({@code trellis.webhooks.*}).
 *
 * @param rotationGrace how long the previous secret is still accepted after a rotation
 */
@ConfigurationProperties("trellis.webhooks")
record WebhookProperties(@DefaultValue("24h") Duration rotationGrace) {}
