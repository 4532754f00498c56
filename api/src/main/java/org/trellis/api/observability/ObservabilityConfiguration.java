package org.trellis.api.observability;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Wires operation naming, GraphQL cost and SCIM request metrics. */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    @Bean
    OperationNames operationNames(ObservabilityProperties properties) {
        return new OperationNames(properties.maxOperationNames());
    }

    @Bean
    OperationInstrumentation operationInstrumentation(OperationNames names) {
        return new OperationInstrumentation(names);
    }

    @Bean
    OperationObservationConvention operationObservationConvention(OperationNames names) {
        return new OperationObservationConvention(names);
    }

    @Bean
    OperationCostInterceptor operationCostInterceptor(MeterRegistry meters) {
        return new OperationCostInterceptor(meters);
    }

    @Bean
    FilterRegistrationBean<ScimRequestMetrics> scimRequestMetrics(MeterRegistry meters) {
        var registration = new FilterRegistrationBean<>(new ScimRequestMetrics(meters));
        registration.addUrlPatterns("/scim/v2/*");
        // After the correlation filter (highest precedence), before the security chain, so refusals are counted.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * Observability settings ({@code trellis.observability.*}).
     *
     * @param maxOperationNames distinct GraphQL operation names used as metric tags; later ones are {@code other}
     */
    @ConfigurationProperties("trellis.observability")
    record ObservabilityProperties(@DefaultValue("100") int maxOperationNames) {}
}
