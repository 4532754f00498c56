package org.trellis.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.GraphQLError;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.MergedField;
import graphql.execution.ResultPath;
import graphql.language.Field;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.GraphQLObjectType;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.trellis.api.shared.ConflictException;
import org.trellis.api.shared.ForbiddenException;
import org.trellis.api.shared.InvalidInputException;
import org.trellis.api.shared.NotFoundException;
import org.trellis.graphql.ErrorType;
import org.trellis.graphql.UserError;

/** Exceptions become classified errors with safe messages; nothing internal leaks. */
class GraphQlErrorsUnitTest {

    private final GraphQlErrors errors = new GraphQlErrors();

    @Test
    void keepsTheMessageOfDomainExceptions() {
        assertThat(resolve(new NotFoundException("Tenant"))).satisfies(error -> {
            assertThat(error.getErrorType()).isEqualTo(ErrorType.NOT_FOUND);
            assertThat(error.getMessage()).isEqualTo("Tenant not found.");
        });
        assertThat(resolve(new ForbiddenException("No.")).getErrorType()).isEqualTo(ErrorType.FORBIDDEN);
        assertThat(resolve(new ConflictException("Stale.")).getErrorType()).isEqualTo(ErrorType.CONFLICT);
        assertThat(resolve(new InvalidInputException(
                                List.of(new UserError(List.of("x"), "Bad.", UserError.Code.INVALID))))
                        .getErrorType())
                .isEqualTo(ErrorType.BAD_REQUEST);
    }

    @Test
    void hidesEverythingAboutUnexpectedFailures() {
        GraphQLError error = resolve(new IllegalStateException(
                "ERROR: relation \"person\" does not exist at org.trellis.Secret.method(Secret.java:12)"));
        assertThat(error.getErrorType()).isEqualTo(ErrorType.INTERNAL);
        assertThat(error.getMessage()).isEqualTo("Internal error.");
        assertThat(error.toSpecification().toString()).doesNotContain("relation", "Secret", "person");
    }

    @Test
    void classifiesACancelledStatementAsTimeoutAndAnUnreachableDatabaseAsUnavailable() {
        GraphQLError timeout = resolve(new org.springframework.dao.QueryTimeoutException(
                "update team", new SQLException("ERROR: canceling statement due to statement timeout", "57014")));
        assertThat(timeout.getErrorType()).isEqualTo(ErrorType.TIMEOUT);
        assertThat(timeout.getMessage()).doesNotContain("canceling", "statement timeout", "update");
        GraphQLError broken = resolve(new org.springframework.transaction.CannotCreateTransactionException(
                "Could not open JDBC Connection",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        assertThat(broken.getErrorType()).isEqualTo(ErrorType.UNAVAILABLE);
        assertThat(broken.getMessage()).isEqualTo("The database is unavailable; retry later.");
        GraphQLError cutWrite = resolve(
                new org.springframework.transaction.TransactionSystemException(
                        "JDBC commit failed",
                        new SQLException("An I/O error occurred while sending to the backend.", "08006")),
                graphql.language.OperationDefinition.Operation.MUTATION);
        assertThat(cutWrite.getErrorType()).isEqualTo(ErrorType.UNAVAILABLE);
        assertThat(cutWrite.getMessage()).contains("may or may not have been applied");
        GraphQLError noConnection = resolve(new org.springframework.jdbc.CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection",
                new java.sql.SQLTransientConnectionException("Connection is not available, request timed out")));
        assertThat(noConnection.getErrorType()).isEqualTo(ErrorType.UNAVAILABLE);
        assertThat(resolve(new IllegalStateException(new SQLException("syntax error", "42601")))
                        .getErrorType())
                .isEqualTo(ErrorType.INTERNAL);
    }

    @Test
    void mapsSecurityAndUniqueViolationsWithoutTheirDetails() {
        assertThat(resolve(new AccessDeniedException("Denied by rule 42")).getMessage())
                .isEqualTo("Access denied.");
        GraphQLError duplicate = resolve(
                new DuplicateKeyException("dup", new SQLException("duplicate key value (slug)=(acme)", "23505")));
        assertThat(duplicate.getErrorType()).isEqualTo(ErrorType.CONFLICT);
        assertThat(duplicate.getMessage()).doesNotContain("acme");
    }

    private GraphQLError resolve(Exception failure) {
        return resolve(failure, graphql.language.OperationDefinition.Operation.QUERY);
    }

    private GraphQLError resolve(Exception failure, graphql.language.OperationDefinition.Operation operation) {
        MergedField field =
                MergedField.newMergedField(Field.newField("tenant").build()).build();
        DataFetchingEnvironment environment = DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
                .operationDefinition(graphql.language.OperationDefinition.newOperationDefinition()
                        .operation(operation)
                        .build())
                .mergedField(field)
                .executionStepInfo(ExecutionStepInfo.newExecutionStepInfo()
                        .type(GraphQLObjectType.newObject().name("Query").build())
                        .field(field)
                        .path(ResultPath.rootPath())
                        .build())
                .build();
        List<GraphQLError> resolved =
                errors.resolveException(failure, environment).block();
        assertThat(resolved).hasSize(1);
        return resolved.getFirst();
    }
}
