package org.trellis.api.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SecretPropertiesUnitTest {

    @Test
    void bindsTheKeysetFromOneCommaSeparatedValueAsAnEnvironmentVariableGivesIt() {
        SecretProperties properties = bind(Map.of("trellis.secrets.keys", " a2V5MQ== , a2V5Mg== ,"));
        assertThat(properties.keys()).containsExactly("a2V5MQ==", "a2V5Mg==");
        assertThat(properties.key()).isNull();
    }

    @Test
    void anEmptyListAndTheSingleKeyBindAsBeforeKeysets() {
        SecretProperties properties = bind(Map.of("trellis.secrets.keys", "", "trellis.secrets.key", "a2V5MQ=="));
        assertThat(properties.keys()).isEmpty();
        assertThat(properties.key()).isEqualTo("a2V5MQ==");
        assertThat(properties.ephemeralKey()).isFalse();
    }

    private static SecretProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("trellis.secrets", SecretProperties.class);
    }
}
