package org.trellis.api.local;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;
import org.trellis.persistence.DatabaseProvisioner;
import org.trellis.persistence.DatabaseProvisioner.Role;

/**
 * In the local profile, before any bean connects: creates the database and both roles on the local PostgreSQL if
 * they are missing, using the administrator account in {@code trellis.local.admin-*}.
 */
class LocalDatabaseBootstrap implements BeanFactoryPostProcessor {

    private final Environment env;

    LocalDatabaseBootstrap(Environment env) {
        this.env = env;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
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
