package org.trellis.api;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Trellis: career frameworks, evidence and mentoring for many tenants. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TrellisApplication {

    public static void main(String[] args) {
        // Liquibase would otherwise try to send usage analytics from every start.
        System.setProperty("liquibase.analytics.enabled", System.getProperty("liquibase.analytics.enabled", "false"));
        if (args.length > 0 && Migrate.COMMAND.equals(args[0])) {
            System.exit(Migrate.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(TrellisApplication.class, args);
    }
}
