package org.trellis.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Global ids round-trip, and anything else decodes to nothing. */
class GlobalIdUnitTest {

    @Test
    void roundTrips() {
        UUID id = UUID.randomUUID();
        String encoded = GlobalId.encode("Tenant", id);
        assertThat(encoded).doesNotContain(id.toString()).matches("[A-Za-z0-9_-]+");
        assertThat(GlobalId.decode(encoded)).contains(new GlobalId("Tenant", id));
        assertThat(GlobalId.decode(encoded, "Tenant")).contains(id);
    }

    @Test
    void refusesAnIdOfAnotherType() {
        assertThat(GlobalId.decode(GlobalId.encode("Person", UUID.randomUUID()), "Tenant"))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not base64!", "VGVuYW50", "VGVuYW50Om5vdC1hLXV1aWQ", "OjEyMw"})
    void decodesGarbageToNothing(String garbage) {
        assertThat(GlobalId.decode(garbage)).isEmpty();
    }

    @Test
    void refusesOverlongIds() {
        assertThat(GlobalId.decode("A".repeat(500))).isEmpty();
    }

    @Test
    void refusesNonCanonicalUuidsSoNoObjectHasTwoIds() {
        String alias = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("Person:1-1-1-1-1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(GlobalId.decode(alias)).isEmpty();
        UUID id = UUID.randomUUID();
        String upper = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("Person:" + id.toString().toUpperCase(java.util.Locale.ROOT))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(GlobalId.decode(upper)).isEmpty();
    }
}
