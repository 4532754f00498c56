package org.trellis.api.readiness;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import org.trellis.api.shared.InvalidInputException;
import org.trellis.graphql.UserError;

/**
 * How many times one request may ask for a root field whose work the cost model cannot see (a dashboard decides
 * readiness for up to 500 people; an explanation asks for mentor suggestions across the tenant): aliases beyond the
 * limit are refused with BAD_REQUEST before they do any work.
 */
final class RequestBudget {

    static final int DASHBOARDS = 1;
    static final int EXPLANATIONS = 3;

    private RequestBudget() {}

    static void spend(DataFetchingEnvironment environment, String field, int limit) {
        int used = environment
                .getGraphQlContext()
                .compute("trellis.budget." + field, (key, count) -> count == null ? 1 : (Integer) count + 1);
        if (used > limit) {
            throw InvalidInputException.of(new UserError(
                    List.of(field),
                    "A request may ask for " + field + " at most " + limit + (limit == 1 ? " time." : " times."),
                    UserError.Code.INVALID));
        }
    }
}
