package org.trellis.api.frameworks;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trellis.api.shared.NodeResolver;
import org.trellis.api.shared.NotFoundException;

/** {@code node(id:)} for framework versions, levels and competencies: readable by whoever reads frameworks. */
@Configuration(proxyBeanMethods = false)
class FrameworkNodes {

    @Bean
    NodeResolver frameworkVersionNodes(FrameworkService frameworks) {
        return NodeResolver.of("FrameworkVersion", frameworks::version);
    }

    @Bean
    NodeResolver levelNodes(FrameworkService frameworks) {
        return NodeResolver.of(
                "Level",
                (actor, id) -> frameworks.levels(actor, List.of(id)).stream()
                        .findFirst()
                        .orElseThrow(() -> new NotFoundException("Level")));
    }

    @Bean
    NodeResolver competencyNodes(FrameworkService frameworks) {
        return NodeResolver.of("Competency", (actor, id) -> {
            FrameworkPolicy.requireRead(actor);
            return frameworks.competenciesById(actor, List.of(id)).stream()
                    .findFirst()
                    .orElseThrow(() -> new NotFoundException("Competency"));
        });
    }
}
