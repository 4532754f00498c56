package org.trellis.api.system;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetchingEnvironment;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;
import org.trellis.api.shared.ConflictException;
import org.trellis.api.shared.ForbiddenException;
import org.trellis.api.shared.InvalidInputException;
import org.trellis.api.shared.NotFoundException;
import org.trellis.api.shared.UnauthenticatedException;
import org.trellis.graphql.ErrorType;
import org.trellis.graphql.KeysetWindows;
import org.trellis.persistence.DatabaseFailures;

/**
 * The one place exceptions become GraphQL errors. Domain exceptions keep their (safe) message; anything else is an
 * opaque INTERNAL error, logged here with its stack trace under the request's correlation id. A mutation never gets
 * here for refused input or a conflict: {@code UserErrorsInstrumentation} answers those in its payload's
 * {@code userErrors}; what remains CONFLICT is a conflict outside a mutation.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    GraphQlErrors() {
        // Restore the request's logging context (correlation and tenant ids) while resolving.
        setThreadLocalContextAware(true);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable failure, DataFetchingEnvironment environment) {
        if (failure instanceof BindException binding && isUnknownId(binding)) {
            return GraphqlErrorBuilder.newError(environment)
                    .errorType(ErrorType.NOT_FOUND)
                    .message(unknownIdMessage(binding))
                    .build();
        }
        if (isCursorDecoding(failure)) {
            return GraphqlErrorBuilder.newError(environment)
                    .errorType(ErrorType.BAD_REQUEST)
                    .message(new KeysetWindows.InvalidCursorException().getMessage())
                    .build();
        }
        boolean write = environment.getOperationDefinition() != null
                && environment.getOperationDefinition().getOperation() == OperationDefinition.Operation.MUTATION;
        return classified(
                failure,
                GraphqlErrorBuilder.newError(environment),
                environment.getExecutionStepInfo().getPath(),
                write);
    }

    /**
     * The error for {@code failure}, built on {@code error} (which knows where it happened); an INTERNAL one is
     * logged with {@code where}. Also used for failures of subscription streams ({@link SubscriptionErrors}).
     */
    static GraphQLError classified(Throwable failure, GraphqlErrorBuilder<?> error, Object where) {
        return classified(failure, error, where, false);
    }

    private static GraphQLError classified(
            Throwable failure, GraphqlErrorBuilder<?> error, Object where, boolean write) {
        if (DatabaseFailures.isTimeout(failure) || DatabaseFailures.isUnavailable(failure)) {
            return database(failure, error, where, write);
        }
        ErrorType type = switch (failure) {
            case NotFoundException e -> ErrorType.NOT_FOUND;
            case ForbiddenException e -> ErrorType.FORBIDDEN;
            case ConflictException e -> ErrorType.CONFLICT;
            case InvalidInputException e -> ErrorType.BAD_REQUEST;
            case KeysetWindows.InvalidCursorException e -> ErrorType.BAD_REQUEST;
            case AbortExecutionException e -> ErrorType.BAD_REQUEST; // a request limit stopped it
            case UnauthenticatedException e -> ErrorType.UNAUTHENTICATED;
            case AccessDeniedException e -> ErrorType.FORBIDDEN;
            case AuthenticationException e -> ErrorType.UNAUTHENTICATED;
            default -> isUniqueViolation(failure) ? ErrorType.CONFLICT : ErrorType.INTERNAL;
        };
        String message = switch (type) {
            case INTERNAL -> "Internal error.";
            case FORBIDDEN -> failure instanceof ForbiddenException ? failure.getMessage() : "Access denied.";
            case UNAUTHENTICATED -> "Authentication is required.";
            case CONFLICT -> failure instanceof ConflictException ? failure.getMessage() : "It already exists.";
            default -> failure.getMessage();
        };
        if (type == ErrorType.INTERNAL) {
            log.error("Unexpected failure in {}", where, failure);
        }
        return error.errorType(type).message(message).build();
    }

    /**
     * The database was unreachable or cancelled a statement past its timeout: the client may retry later, so the
     * error says which, without internals, and is logged as a warning (no stack trace: nothing here is a bug).
     */
    /**
     * A write cut off by the database may or may not have committed (the commit itself may be what broke): its
     * message says so, so that clients read the result back, or retry with the same idempotency key, rather than
     * blindly write twice.
     */
    private static GraphQLError database(Throwable failure, GraphqlErrorBuilder<?> error, Object where, boolean write) {
        boolean timeout = DatabaseFailures.isTimeout(failure);
        log.warn("{} in {}: {}", timeout ? "Statement timeout" : "Database unavailable", where, failure.toString());
        return error.errorType(timeout ? ErrorType.TIMEOUT : ErrorType.UNAVAILABLE)
                .message(
                        timeout
                                ? "The database took too long and cancelled the operation; retry later."
                                : write
                                        ? "The database became unavailable; the change may or may not have been"
                                                + " applied: read it back, or retry with the same idempotency key."
                                        : "The database is unavailable; retry later.")
                .build();
    }

    /**
     * A cursor Spring GraphQL could not decode (not base64, not one of its position types, not JSON): the client's
     * input, not our failure.
     */
    private static boolean isCursorDecoding(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException
                    && java.util.Arrays.stream(cause.getStackTrace())
                            .anyMatch(frame ->
                                    frame.getClassName().startsWith("org.springframework.graphql.data.pagination"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * GraphQL has already checked every argument's shape, so the one conversion binding can still refuse is a global
     * id to its typed id ({@link TypedIdConverter}): an id of another type, or none at all.
     */
    private static boolean isUnknownId(BindException binding) {
        return binding.getFieldErrors().stream()
                .allMatch(error -> error.getRejectedValue() instanceof String
                        && error.getCode() != null
                        && error.getCode().startsWith("typeMismatch"));
    }

    private static String unknownIdMessage(BindException binding) {
        return binding.getFieldErrors().stream()
                .map(error -> error.getField().replaceFirst("^\\$\\.?", ""))
                .distinct()
                .reduce((a, b) -> a + ", " + b)
                .map(fields -> "Not found: " + fields + " names nothing you can see.")
                .orElse("Not found.");
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
