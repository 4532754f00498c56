package org.trellis.api.local;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.trellis.persistence.DatabaseProvisioner;
import org.trellis.persistence.DatabaseProvisioner.Role;

/**
 * In the local profile, before anything connects: creates the database and both roles on the local PostgreSQL if
 * they are missing, using the administrator account in {@code trellis.local.admin-*}. Registered in
 * {@code META-INF/spring.factories}; does nothing in any other profile.
 */
public class LocalDatabaseBootstrap implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        if (!env.matchesProfiles("local")) {
            return;
        }
        var provisioner = new DatabaseProvisioner(
                env.getRequiredProperty("trellis.local.admin-url"),
                env.getRequiredProperty("trellis.local.admin-user"),
                env.getProperty("trellis.local.admin-password", ""));
        provisioner.provision(
                env.getRequiredProperty("trellis.local.database"),
                new Role(
                        env.getRequiredProperty("spring.liquibase.user"),
                        env.getRequiredProperty("spring.liquibase.password")),
                new Role(
                        env.getRequiredProperty("spring.datasource.username"),
                        env.getRequiredProperty("spring.datasource.password")));
    }
}
