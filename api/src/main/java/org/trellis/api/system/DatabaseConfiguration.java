package org.trellis.api.system;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trellis.api.shared.CallerScope;
import org.trellis.persistence.TenantScopedTransactionManager;

/** Every transaction is scoped to the caller's tenant (see {@link CallerScope}). */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    TenantScopedTransactionManager transactionManager(
            DataSource dataSource, CallerScope scope, DatabaseProperties properties) {
        return new TenantScopedTransactionManager(dataSource, scope, properties.statementTimeout());
    }

    /**
     * Database settings ({@code trellis.database.*}).
     *
     * @param statementTimeout longest a single statement may run before PostgreSQL cancels it
     */
    @ConfigurationProperties("trellis.database")
    record DatabaseProperties(@DefaultValue("5s") Duration statementTimeout) {}
}
