package org.trellis.graphql;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.InstrumentationState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * One request's running limits: the execution deadline and the size of the answer so far. Once either is passed,
 * every later data fetcher is refused at once, and the whole answer is replaced by one error saying which limit it
 * was: a client never gets a half-built or truncated body.
 */
final class ExecutionGuard implements InstrumentationState {

    private final RequestLimits limits;
    private final ExecutionInput input;
    private final long startNanos;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong resolved = new AtomicLong();
    private volatile long requested = -1;
    private volatile CostBudget.@Nullable Charge charge;
    private volatile CostBudget.@Nullable ThrottleStatus throttleStatus;
    private final AtomicReference<@Nullable GraphQLError> stop = new AtomicReference<>();

    ExecutionGuard(RequestLimits limits, ExecutionInput input) {
        this.limits = limits;
        this.input = input;
        this.startNanos = System.nanoTime();
    }

    /** The operation's cost as priced before it ran ({@link QueryCost}). */
    void price(long cost) {
        requested = cost;
    }

    /** The budget's charge for the operation, to settle once it has run. */
    void charged(CostBudget.@Nullable Charge charge) {
        this.charge = charge;
        this.throttleStatus = charge == null ? null : charge.status();
    }

    /** The operation was refused by the budget: it reports the budget's status, but does not run. */
    void throttled(long cost, CostBudget.ThrottleStatus status) {
        this.throttleStatus = status;
        this.requested = cost;
    }

    CostBudget.@Nullable Charge charge() {
        return charge;
    }

    long actual() {
        return resolved.get();
    }

    /** Whether the operation got past pricing (and so ran). */
    boolean priced() {
        return requested >= 0;
    }

    /** Counts one field resolved, for the actual cost. */
    void resolved() {
        resolved.incrementAndGet();
    }

    /**
     * The cost as a client sees it in {@code extensions.cost}, as Shopify reports it: what the operation was priced
     * at before it ran (every list at its maximum), what it actually resolved, the limit, and the rate-limit budget
     * the operation was charged to (when the caller has one).
     */
    Map<String, Object> cost() {
        CostBudget.ThrottleStatus status = throttleStatus;
        if (status == null) {
            return Map.of("requested", requested, "actual", resolved.get(), "limit", limits.maxCost());
        }
        return Map.of(
                "requested",
                requested,
                "actual",
                resolved.get(),
                "limit",
                limits.maxCost(),
                "throttleStatus",
                throttleStatus(status));
    }

    static Map<String, Object> throttleStatus(CostBudget.ThrottleStatus status) {
        return Map.of(
                "bucket", status.bucket(),
                "maximumAvailable", status.maximumAvailable(),
                "currentlyAvailable", status.currentlyAvailable(),
                "restoreRate", status.restoreRate());
    }

    /** Called before each data fetcher: refuses to start any more work once a limit is passed. */
    void beforeFetch() {
        resolved();
        long elapsed = System.nanoTime() - startNanos;
        if (elapsed > limits.executionTimeout().toNanos()) {
            stop(RequestLimitsInstrumentation.badRequest(
                    "The request ran longer than " + limits.executionTimeout().toMillis()
                            + " ms and was stopped. Ask for fewer or smaller lists.",
                    Map.of(
                            "limit",
                            "executionTimeout",
                            "timeoutMillis",
                            limits.executionTimeout().toMillis())));
        }
        GraphQLError error = stop.get();
        if (error != null) {
            throw new AbortExecutionException(List.of(error));
        }
    }

    /** Counts what a data fetcher answered, as the JSON it will become, and stops the request once it is too big. */
    @Nullable
    Object count(String key, @Nullable Object value) {
        if (value instanceof CompletionStage<?> stage) {
            return stage.thenApply(done -> count(key, done));
        }
        long total = bytes.addAndGet(key.length() + 4L + jsonSize(value));
        if (total > limits.maxResponseBytes()) {
            stop(RequestLimitsInstrumentation.badRequest(
                    "The answer would be larger than " + limits.maxResponseBytes()
                            + " bytes and was stopped. Ask for fewer or smaller lists.",
                    Map.of("limit", "maxResponseBytes", "maxResponseBytes", limits.maxResponseBytes())));
            throw new AbortExecutionException(List.of(stop.get()));
        }
        return value;
    }

    /** The error that stopped the request, if one did. */
    @Nullable
    GraphQLError stopped() {
        return stop.get();
    }

    /** Records the first limit passed and asks the engine to schedule no more fields. */
    private void stop(GraphQLError error) {
        if (stop.compareAndSet(null, error)) {
            input.cancel();
        }
    }

    /** About the size of a fetched value in JSON; objects count their braces, their fields count themselves. */
    private static long jsonSize(@Nullable Object value) {
        return switch (value) {
            case null -> 4;
            case DataFetcherResult<?> result -> jsonSize(result.getData());
            case CharSequence text -> text.length() + 2L;
            case Number number -> number.toString().length();
            case Boolean flag -> flag ? 4 : 5;
            case Enum<?> constant -> constant.name().length() + 2L;
            case Iterable<?> items -> {
                long size = 2;
                for (Object item : items) {
                    size += 1 + jsonSize(item);
                }
                yield size;
            }
            default -> isScalarLike(value) ? value.toString().length() + 2L : 2;
        };
    }

    /** Dates, ids and the like are written as their string form; records and maps are objects. */
    private static boolean isScalarLike(Object value) {
        return value instanceof java.time.temporal.TemporalAccessor || value instanceof java.util.UUID;
    }

    /** Cuts a list answer to the field's declared maximum. */
    static @Nullable Object cut(@Nullable Object value, int max) {
        return switch (value) {
            case CompletionStage<?> stage -> stage.thenApply(done -> cut(done, max));
            case DataFetcherResult<?> result -> result.map(data -> cut(data, max));
            case List<?> list when list.size() > max -> new ArrayList<>(list.subList(0, max));
            case null, default -> value;
        };
    }
}
