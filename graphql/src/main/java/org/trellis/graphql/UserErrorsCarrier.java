package org.trellis.graphql;

import java.util.List;

/** An exception that a mutation with a {@code userErrors} field reports as data instead of as an error. */
public interface UserErrorsCarrier {

    List<UserError> userErrors();
}
