package org.trellis.api.support;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The kinds of data loader registry GraphQL operations actually executed with (as graphql-java's execution context
 * holds it, after Spring and every instrumentation had their turn), so a test can tell which one a request used.
 */
public final class ExecutionRegistries implements Instrumentation {

    private final Set<Class<?>> seen = ConcurrentHashMap.newKeySet();

    /** The registry kinds seen since the last {@link #clear()}. */
    public Set<Class<?>> seen() {
        return Set.copyOf(seen);
    }

    public void clear() {
        seen.clear();
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        seen.add(parameters.getExecutionContext().getDataLoaderRegistry().getClass());
        return Instrumentation.super.beginExecuteOperation(parameters, state);
    }

    /** Registers the recorder as one of the application's instrumentations. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        ExecutionRegistries executionRegistries() {
            return new ExecutionRegistries();
        }
    }
}
