package org.trellis.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Case conversion never depends on the server's default locale: under a Turkish locale {@code "ID".toLowerCase()} is
 * {@code "ıd"}, which would break signature comparison, email and account matching, audit action names and metric
 * tags.
 */
class LocaleIndependenceUnitTest {

    private static final ArchRule NAMED_LOCALE_ONLY = noClasses()
            .should()
            .callMethod(String.class, "toLowerCase")
            .orShould()
            .callMethod(String.class, "toUpperCase")
            .because("case conversion must name a locale (Locale.ROOT)");

    @Test
    void noProductionCodeConvertsCaseWithTheDefaultLocale() {
        NAMED_LOCALE_ONLY.check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.trellis"));
    }

    @Test
    void theRuleCatchesADefaultLocaleConversion() {
        assertThatThrownBy(() -> NAMED_LOCALE_ONLY.check(new ClassFileImporter().importClasses(DefaultLocale.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("toLowerCase");
    }

    /** A deliberately bad class. */
    static final class DefaultLocale {
        static String lower(String value) {
            return value.toLowerCase();
        }
    }
}
