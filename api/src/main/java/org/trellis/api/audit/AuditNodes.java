package org.trellis.api.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trellis.api.shared.NodeResolver;

/** {@code node(id:)} for audit events: tenant admins only. */
@Configuration(proxyBeanMethods = false)
class AuditNodes {

    @Bean
    NodeResolver auditEventNodes(AuditService audit) {
        return NodeResolver.of("AuditEvent", audit::get);
    }
}
