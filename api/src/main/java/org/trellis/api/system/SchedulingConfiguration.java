package org.trellis.api.system;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs (purges, relays) run on every instance, and each run of a job annotated with
 * {@code @SchedulerLock} takes a cluster-wide lock in PostgreSQL's {@code shedlock} table first (by the database's
 * clock), so a job runs on one instance at a time. {@code trellis.scheduling.enabled=false} switches every
 * scheduled job off on an instance (e.g. one kept for serving only).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "trellis.scheduling.enabled", matchIfMissing = true)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulingConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
