package org.trellis.api.webhooks;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /webhooks/{key}}: deliveries from GitHub and PagerDuty, authenticated by their signature. */
@RestController
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final WebhookReceiver receiver;

    WebhookController(WebhookReceiver receiver) {
        this.receiver = receiver;
    }

    @PostMapping("/webhooks/{key}")
    ResponseEntity<Map<String, Object>> receive(
            @PathVariable String key,
            @RequestHeader(name = "X-GitHub-Event", required = false) @Nullable String githubEvent,
            @RequestHeader(name = "X-GitHub-Delivery", required = false) @Nullable String githubDelivery,
            @RequestHeader(name = "X-Hub-Signature-256", required = false) @Nullable String githubSignature,
            @RequestHeader(name = "X-PagerDuty-Signature", required = false) @Nullable String pagerDutySignature,
            @RequestBody(required = false) byte @Nullable [] body) {
        var receipt = receiver.receive(
                key,
                new WebhookReceiver.Delivery(
                        githubEvent,
                        githubDelivery,
                        githubSignature,
                        pagerDutySignature,
                        body == null ? new byte[0] : body));
        return ResponseEntity.status(receipt.status()).body(receipt.body());
    }

    /**
     * A failure while handling a delivery is answered here, as a 500 the provider retries, rather than through the
     * error page (which sits behind the bearer-token chain and would answer 401, like a bad signature).
     */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Map<String, Object>> failed(RuntimeException failure) {
        log.error("Webhook delivery failed", failure);
        var receipt = receiver.failed();
        return ResponseEntity.status(receipt.status()).body(receipt.body());
    }
}
