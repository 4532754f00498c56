package org.trellis.api.webhooks;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /webhooks/{key}}: deliveries from GitHub and PagerDuty, authenticated by their signature. */
@RestController
class WebhookController {

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
}
