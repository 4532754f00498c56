package org.trellis.api.webhooks;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook settings ({@code trellis.webhooks.*}).
 *
 * @param secretKey base64 of 32 random bytes: the AES key webhook signing secrets are encrypted with at rest
 * @param ephemeralKey when no key is set, make one up at startup (local development only: secrets do not survive a
 *     restart)
 * @param rotationGrace how long the previous secret is still accepted after a rotation
 */
@ConfigurationProperties("trellis.webhooks")
record WebhookProperties(
        @Nullable String secretKey,
        @DefaultValue("false") boolean ephemeralKey,
        @DefaultValue("24h") Duration rotationGrace) {}
