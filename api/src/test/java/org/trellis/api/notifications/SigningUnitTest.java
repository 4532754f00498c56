package org.trellis.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signatures as the Standard Webhooks specification computes them, checked against its own example. */
class SigningUnitTest {

    @Test
    void signsTheSpecificationsExampleAsItDoes() {
        byte[] key = Signing.key("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(Signing.header(List.of(key), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void sendsOneSignaturePerActiveSecretSeparatedBySpaces() {
        byte[] current = Signing.key(Signing.generate());
        byte[] previous = Signing.key(Signing.generate());
        String header = Signing.header(List.of(current, previous), "msg_1", 1, "{}");
        assertThat(header.split(" "))
                .hasSize(2)
                .allSatisfy(signature -> assertThat(signature).startsWith("v1,"))
                .containsExactly(
                        Signing.header(List.of(current), "msg_1", 1, "{}"),
                        Signing.header(List.of(previous), "msg_1", 1, "{}"));
    }

    @Test
    void generatedSecretsAreWhsecAndStandardBase64Of32RandomBytes() {
        String secret = Signing.generate();
        assertThat(secret).startsWith("whsec_").isNotEqualTo(Signing.generate());
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(Signing.hint(secret)).hasSize(5).endsWith(secret.substring(secret.length() - 4));
    }
}
