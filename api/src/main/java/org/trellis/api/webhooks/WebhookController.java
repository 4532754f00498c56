package org.trellis.api.webhooks;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.trellis.api.system.ErrorResponses;
import org.trellis.persistence.DatabaseFailures;

/**
 * {@code POST /webhooks/{key}}: deliveries from GitHub and PagerDuty, authenticated by their signature. Refusals and
 * failures answer problem details (RFC 9457), as every path outside GraphQL and SCIM does.
 */
@RestController
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final WebhookReceiver receiver;

    WebhookController(WebhookReceiver receiver) {
        this.receiver = receiver;
    }

    @PostMapping("/webhooks/{key}")
    ResponseEntity<?> receive(
            HttpServletRequest request,
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
        return answer(request, receipt);
    }

    /**
     * A failure while handling a delivery is answered here, so that it is counted with the delivery outcomes: the
     * database unreachable or too slow is no bug (503 UNAVAILABLE, a warning without a stack trace), anything else
     * is (500, an error with its stack trace). The provider retries either.
     */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<?> failed(HttpServletRequest request, RuntimeException failure) {
        if (DatabaseFailures.isUnavailable(failure) || DatabaseFailures.isTimeout(failure)) {
            log.warn("Webhook delivery refused, database unavailable: {}", failure.toString());
            return answer(request, receiver.unavailable());
        }
        log.error("Webhook delivery failed", failure);
        return answer(request, receiver.failed());
    }

    private static ResponseEntity<?> answer(HttpServletRequest request, Receipt receipt) {
        if (receipt.status() < 400) {
            return ResponseEntity.status(receipt.status()).body(receipt.body());
        }
        ResponseEntity<byte[]> error = ErrorResponses.entity(
                request, receipt.status(), null, String.valueOf(receipt.body().get("error")));
        if (receipt.body().get("retryAfter") instanceof Long seconds) {
            return ResponseEntity.status(error.getStatusCode())
                    .headers(error.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .body(error.getBody());
        }
        return error;
    }
}
