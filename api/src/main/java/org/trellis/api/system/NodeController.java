package org.trellis.api.system;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.InvalidInputException;
import org.trellis.api.shared.NodeResolver;
import org.trellis.api.shared.NotFoundException;
import org.trellis.graphql.ErrorType;
import org.trellis.graphql.GlobalId;
import org.trellis.graphql.UserError;

/** GraphQL {@code node(id:)} and {@code nodes(ids:)}: dispatch to the feature that owns each id's type. */
@Controller
class NodeController {

    private final Map<String, NodeResolver> resolvers;

    NodeController(List<NodeResolver> resolvers) {
        this.resolvers = resolvers.stream().collect(Collectors.toMap(NodeResolver::type, Function.identity()));
    }

    /** The most ids {@code nodes(ids:)} takes; each costs its type's lookup, a few statements. */
    static final int MAX_NODES = 50;

    /**
     * Objects by global id, in the order asked; an id that does not resolve for the caller answers null in its place
     * with a NOT_FOUND error at its index, as {@code node(id:)} would.
     */
    @QueryMapping
    DataFetcherResult<List<@Nullable Object>> nodes(@Argument List<String> ids, DataFetchingEnvironment environment) {
        if (ids.size() > MAX_NODES) {
            throw InvalidInputException.of(
                    new UserError(List.of("ids"), "At most " + MAX_NODES + " ids at a time.", UserError.Code.INVALID));
        }
        List<@Nullable Object> found = new ArrayList<>(ids.size());
        List<GraphQLError> errors = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            try {
                found.add(node(ids.get(i)));
            } catch (NotFoundException missing) {
                found.add(null);
                errors.add(GraphqlErrorBuilder.newError(environment)
                        .path(environment.getExecutionStepInfo().getPath().segment(i))
                        .message(missing.getMessage())
                        .errorType(ErrorType.NOT_FOUND)
                        .build());
            }
        }
        return DataFetcherResult.<List<@Nullable Object>>newResult()
                .data(found)
                .errors(errors)
                .build();
    }

    @QueryMapping
    Object node(@Argument String id) {
        GlobalId globalId = GlobalId.decode(id).orElseThrow(() -> new NotFoundException("Object"));
        NodeResolver resolver = resolvers.get(globalId.type());
        if (resolver == null) {
            throw new NotFoundException("Object");
        }
        return resolver.resolve(ActorAuthentication.current(), globalId.id());
    }
}
