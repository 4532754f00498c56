package org.trellis.graphql;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.language.OperationDefinition.Operation;
import graphql.schema.DataFetcher;
import graphql.validation.ValidationError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Request limits, in one place. Before any data fetcher runs (after validation, so only documents valid against the
 * schema get here) it refuses documents that are too deep, use too many aliases, ask for pages larger than allowed or
 * cost more than the budget ({@link QueryCost}). While the request runs it cuts every {@code @listSize} list to its
 * maximum, so the price paid up front holds, and stops a query at the execution deadline or once the answer
 * outgrows the response cap ({@link ExecutionGuard}). Mutations are priced and cut the same way but never stopped
 * half-way: what they changed must reach the client. Every answer that ran reports its cost in {@code
 * extensions.cost}: {@code requested} (as priced up front), {@code actual} (fields resolved) and {@code limit}, and
 * {@code throttleStatus} when the caller has a rate-limit budget ({@link CostBudget}): the operation's requested cost
 * is charged to it before it runs, and an operation the budget has no room for is refused with {@code RATE_LIMITED}
 * before anything runs (see {@link RateLimitedResponses}). A document refused before it runs (unparsable, invalid,
 * over a limit) is charged a small fixed cost by its size ({@link #refusedCost}).
 */
public final class RequestLimitsInstrumentation extends SimplePerformantInstrumentation {

    /** Measurements remembered (each a few numbers): as many as parsed documents are ({@link DocumentCache}). */
    private static final long MEASUREMENTS = 10_000;

    private final RequestLimits limits;
    private final CostBudget budget;
    private final MeasuredCosts costs;

    public RequestLimitsInstrumentation(RequestLimits limits) {
        this(limits, CostBudget.UNLIMITED);
    }

    public RequestLimitsInstrumentation(RequestLimits limits, CostBudget budget) {
        this.limits = limits;
        this.budget = budget;
        this.costs = new MeasuredCosts(limits, MEASUREMENTS);
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new ExecutionGuard(limits, parameters.getExecutionInput());
    }

    /**
     * What a refused document (one that does not parse, is invalid against the schema, or breaks a request limit)
     * is charged: 1 per started 1,000 characters of it. It did not run, but it was received, parsed and checked, so a
     * flood of them spends the caller's budget too (the budget may raise it to its minimum cost).
     */
    static long refusedCost(@Nullable String document) {
        return document == null ? 1 : Math.max(1, (document.length() + 999) / 1000);
    }

    private void chargeRefused(@Nullable String document) {
        try {
            budget.charge(refusedCost(document)); // nothing to settle: it ran nothing, so nothing is given back
        } catch (CostBudget.Throttled exhausted) {
            // Refused as invalid anyway; with no room left there is nothing to take.
        }
    }

    @Override
    public InstrumentationContext<Document> beginParse(
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        return SimpleInstrumentationContext.whenCompleted((document, failure) -> {
            if (failure != null) {
                chargeRefused(parameters.getQuery());
            }
        });
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(
            InstrumentationValidationParameters parameters, InstrumentationState state) {
        return SimpleInstrumentationContext.whenCompleted((errors, failure) -> {
            if (failure != null || errors != null && !errors.isEmpty()) {
                chargeRefused(parameters.getQuery());
            }
        });
    }

    @Override
    public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        QueryCost.Measurement measurement = costs.measure(
                context.getGraphQLSchema(),
                context.getDocument(),
                context.getOperationDefinition().getName(),
                context.getCoercedVariables());
        List<GraphQLError> errors = violations(measurement);
        if (!errors.isEmpty()) {
            chargeRefused(parameters.getExecutionContext().getExecutionInput().getQuery());
            throw new AbortExecutionException(errors);
        }
        ExecutionGuard guard = (ExecutionGuard) state;
        try {
            guard.charged(budget.charge(measurement.cost()));
        } catch (CostBudget.Throttled refused) {
            guard.throttled(measurement.cost(), refused.status());
            throw new AbortExecutionException(List.of(RateLimitedResponses.error(refused, measurement.cost())));
        }
        guard.price(measurement.cost());
        return super.beginExecuteOperation(parameters, state);
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(
            DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        ExecutionGuard guard = (ExecutionGuard) state;
        Integer max = ListSizes.isList(parameters.getField()) ? ListSizes.declaredMax(parameters.getField()) : null;
        if (parameters.getExecutionContext().getOperationDefinition().getOperation() != Operation.QUERY) {
            // A mutation that has started is not cut off: its client must learn what it changed.
            return environment -> {
                guard.resolved();
                Object value = dataFetcher.get(environment);
                return max == null ? value : ExecutionGuard.cut(value, max);
            };
        }
        return environment -> {
            guard.beforeFetch();
            Object value = dataFetcher.get(environment);
            if (max != null) {
                value = ExecutionGuard.cut(value, max);
            }
            return guard.count(environment.getField().getResultKey(), value);
        };
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(
            ExecutionResult result, InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (!(state instanceof ExecutionGuard guard)) {
            return CompletableFuture.completedFuture(result);
        }
        CostBudget.Charge charge = guard.charge();
        if (charge != null) {
            budget.settle(charge, guard.actual());
        }
        GraphQLError stopped = guard.stopped();
        if (stopped != null) {
            return CompletableFuture.completedFuture(new ExecutionResultImpl(stopped));
        }
        if (!guard.priced()) {
            return CompletableFuture.completedFuture(result); // refused before it ran
        }
        // A rate-limited operation was priced but did not run: it reports its cost, actual 0, and the budget.
        return CompletableFuture.completedFuture(result.transform(answer -> answer.addExtension("cost", guard.cost())));
    }

    private List<GraphQLError> violations(QueryCost.Measurement measurement) {
        List<GraphQLError> errors = new ArrayList<>();
        measurement.badPageSizes().forEach(message -> errors.add(badRequest(message, Map.of())));
        if (measurement.depth() > limits.maxDepth()) {
            errors.add(badRequest(
                    "The query is nested " + measurement.depth() + " levels deep; the limit is " + limits.maxDepth()
                            + ".",
                    Map.of("limit", "maxDepth", "depth", measurement.depth(), "maxDepth", limits.maxDepth())));
        }
        if (measurement.aliases() > limits.maxAliases()) {
            errors.add(badRequest(
                    "The query uses " + measurement.aliases() + " aliases; the limit is " + limits.maxAliases() + ".",
                    Map.of(
                            "limit",
                            "maxAliases",
                            "aliases",
                            measurement.aliases(),
                            "maxAliases",
                            limits.maxAliases())));
        }
        if (measurement.cost() > limits.maxCost()) {
            String cost = (measurement.cost() == QueryCost.CEILING ? "over " : "") + measurement.cost();
            errors.add(badRequest(
                    "The query could resolve " + cost + " fields (each counted at the maximum length of every list"
                            + " above it); the limit is " + limits.maxCost()
                            + ". Ask for smaller pages, fewer nested lists or fewer fields.",
                    Map.of("limit", "maxCost", "cost", measurement.cost(), "maxCost", limits.maxCost())));
        }
        return errors;
    }

    static GraphQLError badRequest(String message, Map<String, Object> extensions) {
        return GraphqlErrorBuilder.newError()
                .message(message)
                .errorType(ErrorType.BAD_REQUEST)
                .extensions(extensions)
                .build();
    }
}
