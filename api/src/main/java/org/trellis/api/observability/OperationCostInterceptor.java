package org.trellis.api.observability;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Records what each operation that ran was priced at ({@code trellis.graphql.cost}, the number
 * {@code trellis.graphql.limits.max-cost} is compared with), by bounded operation name, so an operator sees which
 * operations come near the limit. Until the document is validated, a well-formed {@code operationName} sent beside it
 * names the request in the logging context.
 */
final class OperationCostInterceptor implements WebGraphQlInterceptor {

    static final String METER = "trellis.graphql.cost";

    private final MeterRegistry meters;

    OperationCostInterceptor(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String requested = OperationNames.requested(request.getOperationName());
        if (requested != null) {
            MDC.put(OperationInstrumentation.MDC_KEY, requested);
        }
        return chain.next(request).doOnNext(this::record);
    }

    private void record(WebGraphQlResponse response) {
        String name = response.getExecutionInput().getGraphQLContext().get(OperationNames.CONTEXT_KEY);
        Map<Object, Object> extensions = response.getExecutionResult().getExtensions();
        if (name == null
                || extensions == null
                || !(extensions.get("cost") instanceof Map<?, ?> cost)
                || !(cost.get("requested") instanceof Number priced)) {
            return; // refused before it ran: it has no price
        }
        DistributionSummary.builder(METER)
                .description("What GraphQL operations that ran were priced at before running (fields at list maximums)")
                .tag("operation", name)
                .publishPercentileHistogram()
                .minimumExpectedValue(1.0)
                .maximumExpectedValue(1_000_000.0)
                .register(meters)
                .record(priced.doubleValue());
    }
}
