package org.trellis.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.PropertyDataFetcher;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.UUID;

/**
 * Serves the {@code id} of every type implementing {@code Node} as an opaque {@link GlobalId}, so the domain keeps
 * plain UUIDs and no controller repeats the encoding.
 */
public final class GlobalIdTypeVisitor extends GraphQLTypeVisitorStub {

    @Override
    public TraversalControl visitGraphQLObjectType(
            GraphQLObjectType type, TraverserContext<GraphQLSchemaElement> context) {
        if (type.getInterfaces().stream().anyMatch(node -> node.getName().equals("Node"))) {
            GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
            PropertyDataFetcher<Object> property = PropertyDataFetcher.fetching("id");
            String typeName = type.getName();
            DataFetcher<Object> globalId =
                    environment -> property.get(environment) instanceof UUID id ? GlobalId.encode(typeName, id) : null;
            registry.dataFetcher(FieldCoordinates.coordinates(typeName, "id"), globalId);
        }
        return TraversalControl.CONTINUE;
    }
}
