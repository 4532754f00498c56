package org.trellis.api.shared;

import java.util.List;
import org.trellis.graphql.UserError;
import org.trellis.graphql.UserErrorsCarrier;

/**
 * Input that fails validation. A mutation with a {@code userErrors} field answers with them; anywhere else it
 * is a BAD_REQUEST error. Thrown before or inside the transaction, so nothing is written.
 */
public final class InvalidInputException extends TrellisException implements UserErrorsCarrier {

    private final List<UserError> userErrors;

    public InvalidInputException(List<UserError> userErrors) {
        super(userErrors.isEmpty() ? "Invalid input." : userErrors.getFirst().message());
        this.userErrors = List.copyOf(userErrors);
    }

    public static InvalidInputException of(UserError error) {
        return new InvalidInputException(List.of(error));
    }

    @Override
    public List<UserError> userErrors() {
        return userErrors;
    }
}
