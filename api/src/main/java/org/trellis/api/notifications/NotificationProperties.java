package org.trellis.api.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbound webhook settings ({@code trellis.webhooks.outbound.*}).
 *
 * @param retryFor how long a delivery is retried (from when it was queued or replayed) before it fails and its
 *     subscription is disabled
 * @param firstRetry the wait after the first failed attempt; each later wait doubles, with jitter
 * @param maxRetryInterval the longest wait between two attempts
 * @param rotationGrace how long the previous secret still signs (beside the new one) after a rotation
 * @param connectTimeout to connect to a receiver
 * @param readTimeout for the receiver's answer to start, and between two reads of it
 * @param lease how long a claimed attempt is left to its relay before another relay may take it again; longer than
 *     connect and read timeouts together
 * @param batchSize deliveries one relay claims from one tenant per pass
 * @param tenantsPerPass tenants with due deliveries one pass serves
 * @param pollInterval the wait between two passes of a relay
 * @param wakeGap the least time between two passes an instance runs because the outbox announced events
 * @param relayEnabled whether this instance runs the relay on a schedule
 * @param disableOnGone whether a 410 Gone disables the subscription at once
 * @param retention how long finished (delivered or failed) deliveries are kept in the delivery log
 */
@ConfigurationProperties("trellis.webhooks.outbound")
record NotificationProperties(
        @DefaultValue("72h") Duration retryFor,
        @DefaultValue("10s") Duration firstRetry,
        @DefaultValue("1h") Duration maxRetryInterval,
        @DefaultValue("24h") Duration rotationGrace,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("20") int batchSize,
        @DefaultValue("20") int tenantsPerPass,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("100ms") Duration wakeGap,
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("true") boolean disableOnGone,
        @DefaultValue("30d") Duration retention) {}
