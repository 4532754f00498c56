package org.trellis.api.readiness;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trellis.api.shared.NodeResolver;

/** {@code node(id:)} for assessment cycles and promotion cases. */
@Configuration(proxyBeanMethods = false)
class ReadinessNodes {

    @Bean
    NodeResolver assessmentCycleNodes(AssessmentService assessments) {
        return NodeResolver.of("AssessmentCycle", assessments::cycle);
    }

    @Bean
    NodeResolver promotionCaseNodes(PromotionCaseService cases) {
        return NodeResolver.of("PromotionCase", cases::get);
    }
}
