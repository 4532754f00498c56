package org.trellis.api.notifications;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trellis.api.outbound.OutboundHttp;
import org.trellis.api.outbound.RefusedAddressException;
import org.trellis.api.secrets.SecretVault;
import org.trellis.api.shared.Validation;

/**
 * Makes one attempt: POSTs the delivery's body to its subscription's URL through {@link OutboundHttp} (https only,
 * every connection to an address vetted after resolution, so a name re-pointed at a private address is refused at
 * delivery too; no redirects; bounded connect and read timeouts), signed with every secret that signs now.
 */
final class DeliverySender {

    /** The part of a receiver's answer kept in the log. */
    static final int EXCERPT = 200;

    private final OutboundHttp http;
    private final SecretVault vault;

    DeliverySender(OutboundHttp http, SecretVault vault) {
        this.http = http;
        this.vault = vault;
    }

    Attempt send(UUID tenantId, WebhookSubscriptions.Keyed subscription, DeliveryQueue.Claim claim) {
        UUID owner = subscription.subscription().id();
        List<byte[]> keys = new ArrayList<>(2);
        keys.add(key(tenantId, owner, subscription.secret()));
        if (subscription.previousSecret() != null) {
            keys.add(key(tenantId, owner, subscription.previousSecret()));
        }
        String messageId = WebhookDelivery.messageId(claim.eventId());
        long timestamp = Instant.now().getEpochSecond();
        Map<String, String> headers = Map.of(
                "webhook-id", messageId,
                "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", Signing.header(keys, messageId, timestamp, claim.payload()));
        try {
            OutboundHttp.Response response = http.post(
                    URI.create(subscription.subscription().url()),
                    headers,
                    claim.payload().getBytes(StandardCharsets.UTF_8),
                    EXCERPT);
            String excerpt = clean(response.text());
            return new Attempt(
                    response.status(),
                    response.successful()
                            ? null
                            : "HTTP " + response.status() + (excerpt.isEmpty() ? "" : ": " + excerpt));
        } catch (RefusedAddressException e) {
            return new Attempt(null, "Refused: the host resolves to no public address.");
        } catch (IOException e) {
            return new Attempt(null, clean(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    private byte[] key(UUID tenantId, UUID owner, String ciphertext) {
        return Signing.key(new String(vault.decrypt(tenantId, owner, ciphertext), StandardCharsets.UTF_8));
    }

    private static String clean(@Nullable String text) {
        String plain =
                text == null ? "" : Validation.withoutForbiddenControls(text).strip();
        return plain.length() <= EXCERPT ? plain : plain.substring(0, EXCERPT) + "…";
    }

    /**
     * What one attempt got.
     *
     * @param status the receiver's HTTP status, null when there was no answer (refused, timeout, connection failed)
     * @param error null on success; else what went wrong, with at most a short excerpt of the answer
     */
    record Attempt(@Nullable Integer status, @Nullable String error) {

        boolean delivered() {
            return error == null;
        }

        boolean gone() {
            return status != null && status == 410;
        }
    }
}
