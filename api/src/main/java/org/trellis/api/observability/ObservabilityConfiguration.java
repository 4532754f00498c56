package org.trellis.api.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.TextMapPropagator;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Wires operation naming, GraphQL cost and SCIM request metrics, and W3C trace context propagation. */
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
    OperationObservation operationObservation(ObservationRegistry registry, OperationObservationConvention convention) {
        return new OperationObservation(registry, convention);
    }

    @Bean
    OperationCostInterceptor operationCostInterceptor(MeterRegistry meters) {
        return new OperationCostInterceptor(meters);
    }

    /**
     * W3C trace context ({@code traceparent}) read from requests and written to outgoing ones whether or not traces are
     * exported: Boot configures propagation only while exporting, and log lines should carry the caller's trace id
     * either way.
     */
    @Bean
    TextMapPropagator w3cTraceContext() {
        return W3CTraceContextPropagator.getInstance();
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
