package org.trellis.api.system;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition.Operation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.trellis.persistence.SharedTransaction;
import reactor.core.publisher.Mono;

/**
 * One read-only transaction per GraphQL query. As an interceptor it runs the execution to its end on the request
 * thread with a {@link SharedTransaction} on offer; as an instrumentation it takes the offer once the operation is
 * known to be a query. Every data fetcher and batch loader then runs on the request thread (controller methods are
 * not handed to another executor, see {@link GraphQlConfiguration}), so all their service calls join that one
 * transaction: the tenant scope is set once and the caller's visibility inputs are computed once. A mutation does not
 * take the offer: each of its service calls keeps its own read-write transaction, and the fields of its payload read
 * in their own short transactions, as before.
 *
 * <p>A query that met a broken database connection runs once more (it only read), counted in
 * {@code trellis.graphql.query.retries}; a mutation never does.
 */
final class QueryTransactions extends SimplePerformantInstrumentation implements WebGraphQlInterceptor {

    private static final Logger log = LoggerFactory.getLogger(QueryTransactions.class);

    private final Counter retries;

    QueryTransactions(MeterRegistry meters) {
        this.retries = Counter.builder("trellis.graphql.query.retries")
                .description("Queries run a second time because a database connection broke under the first")
                .register(meters);
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        // Blocking here keeps the end of the transaction on the thread that began it; the execution itself runs on
        // this thread anyway, so nothing waits for another thread's work.
        return Mono.deferContextual(context -> {
            try {
                return Mono.just(SharedTransaction.offer(
                        () -> chain.next(request)
                                .contextWrite(context)
                                .toFuture()
                                .join(),
                        this::retrying));
            } catch (CompletionException e) {
                return Mono.error(e.getCause() == null ? e : e.getCause());
            }
        });
    }

    private void retrying() {
        retries.increment();
        log.warn("A query met a broken database connection; running it once more");
    }

    @Override
    public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        if (parameters.getExecutionContext().getOperationDefinition().getOperation() == Operation.QUERY) {
            SharedTransaction.share();
        }
        return super.beginExecuteOperation(parameters, state);
    }
}
