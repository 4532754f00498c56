package org.trellis.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.trellis.api.support.IntegrationTest;
import org.trellis.api.support.TestDatabase;

/**
 * Migrations are a separate step: the {@code migrate} command brings a database to the current schema as the owner
 * role and exits with its status, and the application serves without the owner's credentials.
 */
class MigrateCommandIntegrationTest extends IntegrationTest {

    @Autowired
    private ApplicationContext context;

    @Autowired
    private Environment environment;

    @Test
    void applicationServesAMigratedDatabaseWithoutTheOwnersCredentials() {
        assertThat(context.getBeanNamesForType(SpringLiquibase.class)).isEmpty();
        assertThat(environment.getProperty("spring.liquibase.password")).isEmpty();
        postQuery(platformToken(), "{ tenants(first: 1) { edges { node { slug } } } }")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.errors")
                .doesNotExist()
                .jsonPath("$.data.tenants.edges")
                .isArray();
    }

    @Test
    void migrateCommandBringsAnEmptyDatabaseToTheCurrentSchemaAndCanRunAgain() throws SQLException {
        String url = TestDatabase.INSTANCE.emptySibling("migrate");

        assertThat(Migrate.run(TestDatabase.migrateArguments(url, TestDatabase.OWNER.password())))
                .isZero();
        int applied = changeSets(url);
        assertThat(applied).isEqualTo(changeSets(TestDatabase.INSTANCE.url())).isPositive();

        assertThat(Migrate.run(TestDatabase.migrateArguments(url, TestDatabase.OWNER.password())))
                .isZero();
        assertThat(changeSets(url)).isEqualTo(applied);
    }

    @Test
    void migrateCommandExitsNonZeroWhenItCannotMigrate() {
        String missing = TestDatabase.INSTANCE.url().replaceFirst("/(trellis_test_[a-z0-9_]+)\\?", "/$1_missing?");
        assertThat(missing).isNotEqualTo(TestDatabase.INSTANCE.url());

        assertThat(Migrate.run(TestDatabase.migrateArguments(missing, TestDatabase.OWNER.password())))
                .isNotZero();
    }

    private static int changeSets(String url) throws SQLException {
        try (Connection owner =
                        DriverManager.getConnection(url, TestDatabase.OWNER.name(), TestDatabase.OWNER.password());
                Statement statement = owner.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from databasechangelog")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
