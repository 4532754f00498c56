package org.trellis.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code migrate} command ({@code java -jar trellis.jar migrate}): applies the Liquibase changelog as the owner
 * role ({@code spring.liquibase.user}/{@code password}) and exits, 0 once the schema is current and non-zero on any
 * failure. It starts only a data source and Liquibase (profile {@code migrate}), so it needs neither the runtime
 * role's password nor the application's other settings; the application itself never migrates outside the local
 * profile, so its pods never hold the owner's password (the tests, too, migrate their database with this command).
 */
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, LiquibaseAutoConfiguration.class})
public class Migrate {

    /** The first program argument that selects this command. */
    public static final String COMMAND = "migrate";

    private static final Logger log = LoggerFactory.getLogger(Migrate.class);

    /** Migrates with these Spring arguments ({@code --name=value}); the process's exit status. */
    public static int run(String... args) {
        SpringApplication application = new SpringApplication(Migrate.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setAdditionalProfiles(COMMAND);
        try (ConfigurableApplicationContext context = application.run(args)) {
            log.info("Migrations applied: the schema is current");
            return SpringApplication.exit(context);
        } catch (RuntimeException e) {
            log.error("Migrations failed, nothing after the failing change set was applied: {}", rootMessage(e));
            return 1;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
