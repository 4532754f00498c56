package org.trellis.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Case conversion never depends on the server's default locale: under a Turkish locale {@code "ID".toLowerCase()} is
 * {@code "ıd"}, which would break signature comparison, email and account matching, audit action names and metric
 * tags.
 */
class LocaleIndependenceUnitTest {

    @Test
    void noProductionCodeConvertsCaseWithTheDefaultLocale() {
        noClasses()
                .should()
                .callMethod(String.class, "toLowerCase")
                .orShould()
                .callMethod(String.class, "toUpperCase")
                .because("case conversion must name a locale (Locale.ROOT)")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.trellis"));
    }
}
