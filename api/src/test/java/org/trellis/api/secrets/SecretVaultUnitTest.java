package org.trellis.api.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SecretVaultUnitTest {

    @Test
    void bindsEncryptedSecretsToTheirOwner() {
        SecretVault secrets =
                new SecretVault(new SecretProperties(Base64.getEncoder().encodeToString(new byte[32]), false));
        UUID tenant = UUID.randomUUID();
        UUID endpoint = UUID.randomUUID();
        String sealed = secrets.encrypt(tenant, endpoint, "whsec_abc");
        assertThat(sealed).doesNotContain("whsec_abc");
        assertThat(new String(secrets.decrypt(tenant, endpoint, sealed), StandardCharsets.UTF_8))
                .isEqualTo("whsec_abc");
        assertThatThrownBy(() -> secrets.decrypt(tenant, UUID.randomUUID(), sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesToStartWithoutAKeyOfThirtyTwoBytes() {
        assertThatThrownBy(() -> new SecretVault(new SecretProperties(null, false)))
                .hasMessageContaining("TRELLIS_WEBHOOK_SECRET_KEY");
        assertThatThrownBy(() -> new SecretVault(new SecretProperties("c2hvcnQ=", false)))
                .hasMessageContaining("32 bytes");
    }
}
