package org.trellis.api.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.trellis.api.support.IntegrationTest;
import org.trellis.api.support.TestDatabase;

/** The application refuses a database whose schema is behind the release, and accepts a migrated one. */
class SchemaCheckIntegrationTest extends IntegrationTest {

    @Test
    void acceptsTheMigratedDatabase() throws SQLException {
        try (Connection runtime = runtime(TestDatabase.INSTANCE.url())) {
            assertThat(SchemaCheck.missing(DSL.using(runtime, SQLDialect.POSTGRES)))
                    .isEmpty();
        }
    }

    @Test
    void refusesToStartOnADatabaseThatWasNeverMigratedNamingWhatIsMissingAndWhatToRun() throws SQLException {
        try (Connection runtime = runtime(TestDatabase.INSTANCE.emptySibling("behind"))) {
            var database = DSL.using(runtime, SQLDialect.POSTGRES);
            assertThat(SchemaCheck.missing(database)).contains("table tenant", "table person");

            assertThatThrownBy(new SchemaCheck(database)::afterPropertiesSet)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("schema is behind")
                    .hasMessageContaining("table assessment")
                    .hasMessageContaining("more")
                    .hasMessageContaining("migrate");
        }
    }

    @Test
    void findsAMissingColumn() throws SQLException {
        String url = TestDatabase.INSTANCE.emptySibling("column");
        try (Connection owner =
                        DriverManager.getConnection(url, TestDatabase.OWNER.name(), TestDatabase.OWNER.password());
                var statement = owner.createStatement()) {
            statement.execute("create table tenant (id uuid)");
        }
        try (Connection runtime = runtime(url)) {
            assertThat(SchemaCheck.missing(DSL.using(runtime, SQLDialect.POSTGRES)))
                    .contains("column tenant.slug")
                    .doesNotContain("table tenant", "column tenant.id");
        }
    }

    private static Connection runtime(String url) throws SQLException {
        return DriverManager.getConnection(url, TestDatabase.RUNTIME.name(), TestDatabase.RUNTIME.password());
    }
}
