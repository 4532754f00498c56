package org.trellis.api.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Prose keeps line breaks and tabs and nothing else below the printable range. */
class ValidationUnitTest {

    @ParameterizedTest
    @ValueSource(strings = {"nul \u0000", "escape \u001b[31m", "bell \u0007", "delete \u007f", "csi \u009b"})
    void refusesControlCharactersInProse(String value) {
        Validation validation = new Validation();
        assertThat(validation.prose(value, 100, "input", "description")).isNull();
        assertThat(Validation.isProse(value)).isFalse();
        assertThatThrownBy(validation::throwIfInvalid).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void acceptsLineBreaksAndTabsInProse() {
        Validation validation = new Validation();
        assertThat(validation.prose("one\r\n\ttwo\nthree", 100, "input", "description"))
                .isEqualTo("one\r\n\ttwo\nthree");
        assertThat(validation.hasErrors()).isFalse();
    }

    @Test
    void removesOnlyForbiddenControlsFromMachineText() {
        assertThat(Validation.withoutForbiddenControls("a\u0000b\u001b[0m\nc\td"))
                .isEqualTo("ab[0m\nc\td");
        assertThat(Validation.withoutForbiddenControls("plain 🌱 text")).isEqualTo("plain 🌱 text");
    }
}
