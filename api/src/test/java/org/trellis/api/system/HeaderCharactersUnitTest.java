package org.trellis.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The firewall's header checks allow exactly what Spring Security's expressions allow. */
class HeaderCharactersUnitTest {

    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCharacterAndCodePointIsJudgedAsTheExpressionsJudgeIt() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = "a" + Character.toString(codePoint) + "b";
            assertThat(HeaderCharacters.isAllowedName(text))
                    .as("name with U+%04X", codePoint)
                    .isEqualTo(NAME.matcher(text).matches());
            assertThat(HeaderCharacters.isAllowedValue(text))
                    .as("value with U+%04X", codePoint)
                    .isEqualTo(VALUE.matcher(text).matches());
        }
    }

    @Test
    void stringsMixingLoneSurrogatesPairsControlsAndTabsAreJudgedAsTheExpressionsJudgeThem() {
        char[] pieces = {'a', ' ', '\t', '\n', '\u0000', '\u007f', '\u0085', '\u00e9', '\ud83d', '\ude00', '\u0378'};
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(8);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String value = text.toString();
            assertThat(HeaderCharacters.isAllowedName(value))
                    .as(value)
                    .isEqualTo(NAME.matcher(value).matches());
            assertThat(HeaderCharacters.isAllowedValue(value))
                    .as(value)
                    .isEqualTo(VALUE.matcher(value).matches());
        }
    }
}
