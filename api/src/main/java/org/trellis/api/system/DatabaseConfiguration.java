package org.trellis.api.system;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trellis.api.shared.CallerScope;
import org.trellis.persistence.TenantScopedTransactionManager;

/**
 * Every transaction is scoped to the caller's tenant (see {@link CallerScope}). A broken pooled connection evicts
 * the whole pool (soft: connections in use close when returned), since a restart or failover of the database broke
 * them all; the next borrowers get new connections instead of finding the others broken one by one. Counted in
 * {@code trellis.database.broken-connections}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    TenantScopedTransactionManager transactionManager(
            DataSource dataSource, CallerScope scope, DatabaseProperties properties, MeterRegistry meters) {
        Counter broken = Counter.builder("trellis.database.broken-connections")
                .description("Pooled connections found broken as a transaction began (the pool is evicted each time)")
                .register(meters);
        return new TenantScopedTransactionManager(dataSource, scope, properties.statementTimeout(), () -> {
            broken.increment();
            evictPool(dataSource);
        });
    }

    private static void evictPool(DataSource dataSource) {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                HikariPoolMXBean pool =
                        dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
                if (pool != null) {
                    pool.softEvictConnections();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Database settings ({@code trellis.database.*}).
     *
     * @param statementTimeout longest a single statement may run before PostgreSQL cancels it
     */
    @ConfigurationProperties("trellis.database")
    record DatabaseProperties(@DefaultValue("5s") Duration statementTimeout) {}
}
