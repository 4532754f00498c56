package org.trellis.api.frameworks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trellis.api.shared.NodeResolver;

/** {@code node(id:)} for framework versions: readable by whoever reads frameworks. */
@Configuration(proxyBeanMethods = false)
class FrameworkNodes {

    @Bean
    NodeResolver frameworkVersionNodes(FrameworkService frameworks) {
        return NodeResolver.of("FrameworkVersion", frameworks::version);
    }
}
