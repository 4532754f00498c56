package org.trellis.api.system;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition.Operation;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
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
 */
final class QueryTransactions extends SimplePerformantInstrumentation implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        // Blocking here keeps the end of the transaction on the thread that began it; the execution itself runs on
        // this thread anyway, so nothing waits for another thread's work.
        return Mono.deferContextual(context -> {
            try {
                return Mono.just(SharedTransaction.offer(() ->
                        chain.next(request).contextWrite(context).toFuture().join()));
            } catch (CompletionException e) {
                return Mono.error(e.getCause() == null ? e : e.getCause());
            }
        });
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
