package org.trellis.api.evidence;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trellis.api.shared.NodeResolver;

/** {@code node(id:)} for evidence, as visible as through {@code evidence}. */
@Configuration(proxyBeanMethods = false)
class EvidenceNodes {

    @Bean
    NodeResolver evidenceNodeResolver(EvidenceService evidence) {
        return NodeResolver.of("Evidence", evidence::get);
    }
}
