package org.trellis.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The architecture, checked: feature modules in {@code api} have no cycles and use each other only through their
 * public top-level types; {@code graphql} and {@code persistence} never reach back into {@code api} or each other;
 * controllers go through services; row access goes through repositories.
 */
class ModularityTests {

    private static final JavaClasses TRELLIS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.trellis");

    @Test
    void featureModulesRespectTheirBoundaries() {
        ApplicationModules modules = ApplicationModules.of(TrellisApplication.class);
        assertThat(modules.stream().map(ApplicationModule::getName))
                .contains("shared", "audit", "people", "tenancy", "system", "local");
        modules.verify();
    }

    @Test
    void graphqlModuleDependsOnNeitherApiNorPersistence() {
        noClasses()
                .that()
                .resideInAPackage("org.trellis.graphql..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.trellis.api..", "org.trellis.persistence..")
                .check(TRELLIS);
    }

    @Test
    void persistenceModuleDependsOnNeitherApiNorGraphql() {
        noClasses()
                .that()
                .resideInAPackage("org.trellis.persistence..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.trellis.api..", "org.trellis.graphql..")
                .check(TRELLIS);
    }

    @Test
    void controllersDoNotTouchTheDatabase() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Controller")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.jooq..", "org.trellis.persistence.jooq..")
                .check(TRELLIS);
    }

    @Test
    void servicesDoNotBuildSql() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Service")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.jooq..", "org.trellis.persistence.jooq..")
                .check(TRELLIS);
    }
}
