package org.trellis.graphql;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Refuses, before any data fetcher runs, documents that are too deep, too costly, use too many aliases or ask for
 * pages larger than allowed. Runs after validation, so it only ever sees documents valid against the schema.
 */
public final class RequestLimitsInstrumentation extends SimplePerformantInstrumentation {

    private final RequestLimits limits;

    public RequestLimitsInstrumentation(RequestLimits limits) {
        this.limits = limits;
    }

    @Override
    public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        Measure measure = new Measure();
        QueryTraverser.newQueryTraverser()
                .schema(context.getGraphQLSchema())
                .document(context.getDocument())
                .operationName(context.getOperationDefinition().getName())
                .coercedVariables(context.getCoercedVariables())
                .build()
                .visitPreOrder(measure);
        List<GraphQLError> errors = measure.violations();
        if (!errors.isEmpty()) {
            throw new AbortExecutionException(errors);
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private final class Measure extends QueryVisitorStub {

        private final Map<QueryVisitorFieldEnvironment, Long> multipliers = new IdentityHashMap<>();
        private final List<GraphQLError> pageSizeErrors = new ArrayList<>();
        private int depth;
        private long complexity;
        private int aliases;

        @Override
        public void visitField(QueryVisitorFieldEnvironment field) {
            if (field.isTypeNameIntrospectionField()) {
                return;
            }
            QueryVisitorFieldEnvironment parent = field.getParentEnvironment();
            int fieldDepth = 1;
            for (QueryVisitorFieldEnvironment p = parent; p != null; p = p.getParentEnvironment()) {
                fieldDepth++;
            }
            depth = Math.max(depth, fieldDepth);
            if (field.getField().getAlias() != null) {
                aliases++;
            }
            long inherited = parent == null ? 1 : multipliers.getOrDefault(parent, 1L);
            complexity = Math.min(Long.MAX_VALUE / 2, complexity + inherited);
            multipliers.put(field, Math.min(1_000_000L, inherited * pageSize(field)));
        }

        private long pageSize(QueryVisitorFieldEnvironment field) {
            boolean paged = field.getFieldDefinition().getArgument("first") != null
                    || field.getFieldDefinition().getArgument("last") != null;
            if (!paged) {
                return 1;
            }
            long size = limits.defaultPageSize();
            for (String name : List.of("first", "last")) {
                if (field.getArguments().get(name) instanceof Integer value) {
                    if (value < 0 || value > limits.maxPageSize()) {
                        pageSizeErrors.add(badRequest(
                                "'" + name + "' on '" + field.getField().getName() + "' must be between 0 and "
                                        + limits.maxPageSize() + "."));
                    }
                    size = Math.max(1, value);
                }
            }
            return size;
        }

        List<GraphQLError> violations() {
            List<GraphQLError> errors = new ArrayList<>(pageSizeErrors);
            if (depth > limits.maxDepth()) {
                errors.add(badRequest(
                        "The query is nested " + depth + " levels deep; the limit is " + limits.maxDepth() + "."));
            }
            if (aliases > limits.maxAliases()) {
                errors.add(badRequest(
                        "The query uses " + aliases + " aliases; the limit is " + limits.maxAliases() + "."));
            }
            if (complexity > limits.maxComplexity()) {
                errors.add(badRequest("The query would resolve about " + complexity + " fields; the limit is "
                        + limits.maxComplexity() + ". Ask for smaller pages or fewer fields."));
            }
            return errors;
        }
    }

    private static GraphQLError badRequest(String message) {
        return GraphqlErrorBuilder.newError()
                .message(message)
                .errorType(ErrorType.BAD_REQUEST)
                .build();
    }
}
