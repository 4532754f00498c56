package org.trellis.api.secrets;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the keys stored secrets are encrypted with ({@code trellis.secrets.*}).
 *
 * @param key base64 of 32 random bytes: a single key (the form before keysets). Alone, it is the keyset's only and
 *     primary key; beside {@code keys}, it joins the keyset as an older key
 * @param keys the keyset, primary first: base64 of 32 random bytes each. The primary seals every new secret; every
 *     key still opens what it sealed
 * @param ephemeralKey when no key is set, make one up at startup (local development only: secrets do not survive a
 *     restart)
 */
@ConfigurationProperties("trellis.secrets")
record SecretProperties(
        @Nullable String key,
        List<String> keys,
        @DefaultValue("false") boolean ephemeralKey) {

    @ConstructorBinding
    SecretProperties {
        keys = keys == null
                ? List.of()
                : keys.stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
    }

    /** A single key, as before keysets. */
    SecretProperties(@Nullable String key, boolean ephemeralKey) {
        this(key, List.of(), ephemeralKey);
    }
}
