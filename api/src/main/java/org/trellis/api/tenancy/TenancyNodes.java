package org.trellis.api.tenancy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trellis.api.shared.NodeResolver;

/** {@code node(id:)} for tenants, identity providers and service clients. */
@Configuration(proxyBeanMethods = false)
class TenancyNodes {

    @Bean
    NodeResolver tenantNodes(TenantService tenants) {
        return NodeResolver.of("Tenant", tenants::get);
    }

    @Bean
    NodeResolver identityProviderNodes(IdentityProviderService providers) {
        return NodeResolver.of("IdentityProvider", providers::get);
    }

    @Bean
    NodeResolver serviceClientNodes(ServiceClientService clients) {
        return NodeResolver.of("ServiceClient", clients::get);
    }
}
