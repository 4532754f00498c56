package org.trellis.api.system;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.NodeResolver;
import org.trellis.api.shared.NotFoundException;
import org.trellis.graphql.GlobalId;

/** GraphQL {@code node(id:)}: dispatches to the feature that owns the id's type. */
@Controller
class NodeController {

    private final Map<String, NodeResolver> resolvers;

    NodeController(List<NodeResolver> resolvers) {
        this.resolvers = resolvers.stream().collect(Collectors.toMap(NodeResolver::type, Function.identity()));
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
