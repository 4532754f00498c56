package org.trellis.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignaturesUnitTest {

    private static final byte[] BODY =
            "{\"zen\":\"Approachable is better than simple.\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SECRET = "It's a Secret to Everybody".getBytes(StandardCharsets.UTF_8);

    @Test
    void acceptsGitHubsPublishedTestVector() {
        // From GitHub's "Validating webhook deliveries" documentation.
        byte[] body = "Hello, World!".getBytes(StandardCharsets.UTF_8);
        String signature = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
        assertThat(Signatures.verify(WebhookProvider.GITHUB, signature, body, List.of(SECRET)))
                .isTrue();
        assertThat(Signatures.verify(WebhookProvider.GITHUB, signature, BODY, List.of(SECRET)))
                .isFalse();
    }

    @Test
    void refusesMissingMalformedAndForeignSignatures() {
        String hex = HexFormat.of().formatHex(Signatures.hmac(SECRET, BODY));
        assertThat(Signatures.verify(WebhookProvider.GITHUB, null, BODY, List.of(SECRET)))
                .isFalse();
        assertThat(Signatures.verify(WebhookProvider.GITHUB, hex, BODY, List.of(SECRET)))
                .isFalse();
        assertThat(Signatures.verify(WebhookProvider.GITHUB, "sha1=" + hex, BODY, List.of(SECRET)))
                .isFalse();
        assertThat(Signatures.verify(WebhookProvider.PAGERDUTY, "sha256=" + hex, BODY, List.of(SECRET)))
                .isFalse();
        assertThat(Signatures.verify(WebhookProvider.GITHUB, "sha256=" + hex, BODY, List.of("other".getBytes())))
                .isFalse();
        assertThat(Signatures.verify(WebhookProvider.GITHUB, "sha256=" + hex.toUpperCase(), BODY, List.of(SECRET)))
                .isTrue();
    }

    @Test
    void acceptsAnyOfPagerDutysSignaturesWithAnyValidSecret() {
        byte[] previous = "previous-secret".getBytes(StandardCharsets.UTF_8);
        String hex = HexFormat.of().formatHex(Signatures.hmac(previous, BODY));
        String header = "v1=" + "ab".repeat(32) + ", v1=" + hex;
        assertThat(Signatures.verify(WebhookProvider.PAGERDUTY, header, BODY, List.of(SECRET, previous)))
                .isTrue();
        assertThat(Signatures.verify(WebhookProvider.PAGERDUTY, header, BODY, List.of(SECRET)))
                .isFalse();
    }
}
