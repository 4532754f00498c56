package org.trellis.graphql;

import graphql.language.Description;
import graphql.language.FieldDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.relay.Connection;
import graphql.relay.Edge;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.List;
import org.springframework.graphql.execution.TypeDefinitionConfigurer;

/**
 * Gives every generated {@code *Connection} a {@code nodes} list beside {@code edges} and a {@code totalCount}
 * ({@link TotalCounts}), as GitHub's API does, for clients that need no cursors per item: {@link #configure} adds the field to the type definitions after Spring
 * GraphQL has generated them, and {@link #visitGraphQLObjectType} answers it from the connection's edges. It costs
 * what the edges cost: the page is already counted by the connection's {@code first}/{@code last}.
 */
public final class ConnectionNodes extends GraphQLTypeVisitorStub implements TypeDefinitionConfigurer {

    private static final DataFetcher<List<?>> NODES = environment -> environment.getSource() instanceof Connection<?> c
            ? c.getEdges().stream().map(Edge::getNode).toList()
            : List.of();

    @Override
    public void configure(TypeDefinitionRegistry registry) {
        registry.getTypes(ObjectTypeDefinition.class).stream()
                .filter(type -> type.getName().endsWith("Connection"))
                .filter(type -> type.getFieldDefinitions().stream()
                        .noneMatch(f -> f.getName().equals("nodes")))
                .toList()
                .forEach(connection -> {
                    ObjectTypeDefinition edge = registry.getType(edgeTypeName(connection), ObjectTypeDefinition.class)
                            .orElse(null);
                    FieldDefinition node = edge == null
                            ? null
                            : edge.getFieldDefinitions().stream()
                                    .filter(f -> f.getName().equals("node"))
                                    .findFirst()
                                    .orElse(null);
                    if (node == null) {
                        return;
                    }
                    Type<?> nodeType =
                            node.getType() instanceof NonNullType nonNull ? nonNull.getType() : node.getType();
                    FieldDefinition nodes = FieldDefinition.newFieldDefinition()
                            .name("nodes")
                            .description(new Description(
                                    "The page's items, in order, without their cursors (the same as edges' nodes).",
                                    null,
                                    false))
                            .type(new NonNullType(new ListType(new NonNullType(nodeType))))
                            .build();
                    FieldDefinition totalCount = FieldDefinition.newFieldDefinition()
                            .name("totalCount")
                            .description(new Description(
                                    "How many items the whole list holds (every page, the same filter), at most "
                                            + TotalCounts.MAX + ": a longer list answers " + TotalCounts.MAX
                                            + ". Counted only when asked for.",
                                    null,
                                    false))
                            .type(new NonNullType(new TypeName("Int")))
                            .build();
                    registry.remove(connection);
                    registry.add(connection.transform(
                            builder -> builder.fieldDefinitions(java.util.stream.Stream.concat(
                                            connection.getFieldDefinitions().stream(),
                                            java.util.stream.Stream.of(nodes, totalCount))
                                    .toList())));
                });
    }

    @Override
    public TraversalControl visitGraphQLObjectType(
            GraphQLObjectType type, TraverserContext<GraphQLSchemaElement> context) {
        if (type.getName().endsWith("Connection") && type.getFieldDefinition("nodes") != null) {
            GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
            registry.dataFetcher(FieldCoordinates.coordinates(type.getName(), "nodes"), NODES);
            registry.dataFetcher(FieldCoordinates.coordinates(type.getName(), "totalCount"), TotalCounts.FETCHER);
        }
        return TraversalControl.CONTINUE;
    }

    private static String edgeTypeName(ObjectTypeDefinition connection) {
        return connection.getName().substring(0, connection.getName().length() - "Connection".length()) + "Edge";
    }
}
