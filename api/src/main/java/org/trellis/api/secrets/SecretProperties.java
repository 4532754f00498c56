package org.trellis.api.secrets;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the key stored secrets are encrypted with ({@code trellis.secrets.*}).
 *
 * @param key base64 of 32 random bytes: the AES key signing secrets are encrypted with at rest
 * @param ephemeralKey when no key is set, make one up at startup (local development only: secrets do not survive a
 *     restart)
 */
@ConfigurationProperties("trellis.secrets")
record SecretProperties(
        @Nullable String key, @DefaultValue("false") boolean ephemeralKey) {}
