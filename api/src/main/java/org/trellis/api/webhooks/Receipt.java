package org.trellis.api.webhooks;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The HTTP answer to a delivery. */
record Receipt(int status, String outcome, Map<String, Object> body) {

    static Receipt notFound() {
        return new Receipt(404, "not_found", Map.of("error", "No such webhook endpoint."));
    }

    /** Refused by the endpoint's rate limit, before anything was looked up. */
    static Receipt rateLimited(long retryAfterSeconds, String detail) {
        return new Receipt(429, "rate_limited", Map.of("error", detail, "retryAfter", retryAfterSeconds));
    }

    static Receipt badSignature() {
        return new Receipt(401, "bad_signature", Map.of("error", "The signature does not verify."));
    }

    static Receipt malformed(String message) {
        return new Receipt(400, "malformed", Map.of("error", message));
    }

    static Receipt duplicate() {
        return new Receipt(200, "duplicate", Map.of("status", "duplicate"));
    }

    static Receipt ignored(String reason) {
        return new Receipt(200, "ignored", Map.of("status", "ignored", "reason", reason));
    }

    static Receipt processed(Map<Attribution.Result, Integer> counts) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "processed");
        counts.forEach((result, count) -> body.put(result.name().toLowerCase(Locale.ROOT), count));
        return new Receipt(200, "processed", body);
    }
}
