package org.trellis.graphql;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * For mutations whose payload has a {@code userErrors} field, turns a {@link UserErrorsCarrier} exception into that
 * payload ({@code userErrors} filled, everything else null) so clients can branch on refused input and on conflicts
 * without parsing errors. A unique-key violation the services did not foresee (two requests racing for one name) is a
 * conflict too: ALREADY_EXISTS. One place for every mutation, instead of a try/catch in each controller.
 */
public final class UserErrorsInstrumentation extends SimplePerformantInstrumentation {

    @Override
    public DataFetcher<?> instrumentDataFetcher(
            DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        var environment = parameters.getEnvironment();
        if (!(environment.getParentType() instanceof GraphQLObjectType parent)
                || !parent.getName().equals("Mutation")
                || !hasUserErrors(environment.getFieldDefinition())) {
            return dataFetcher;
        }
        return env -> {
            Object result;
            try {
                result = dataFetcher.get(env);
            } catch (Exception e) {
                return payloadOrRethrow(e);
            }
            if (result instanceof CompletionStage<?> stage) {
                return stage.handle((value, failure) -> failure == null ? value : payloadOrRethrow(failure));
            }
            return result;
        };
    }

    private static boolean hasUserErrors(GraphQLFieldDefinition field) {
        GraphQLType type = GraphQLTypeUtil.unwrapAll(field.getType());
        return type instanceof GraphQLObjectType object && object.getFieldDefinition("userErrors") != null;
    }

    private static Object payloadOrRethrow(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof UserErrorsCarrier carrier) {
            return Map.of("userErrors", carrier.userErrors());
        }
        if (isUniqueViolation(cause)) {
            return Map.of(
                    "userErrors",
                    List.of(new UserError(List.of("input"), "It already exists.", UserError.Code.ALREADY_EXISTS)));
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new CompletionException(cause);
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
