package org.trellis.graphql;

import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How long the lists of the schema can get. A field returning a {@code *Connection} is as long as its {@code first} or
 * {@code last}; any other list field declares its maximum with {@code @listSize(max: N)}, which {@link
 * RequestLimitsInstrumentation} both prices in and enforces on what the resolver returns.
 */
public final class ListSizes {

    /** The directive that declares a list field's maximum length. */
    public static final String DIRECTIVE = "listSize";

    private ListSizes() {}

    /** The declared maximum of a list field, or null if it declares none. */
    public static @Nullable Integer declaredMax(GraphQLFieldDefinition field) {
        GraphQLAppliedDirective directive = field.getAppliedDirective(DIRECTIVE);
        if (directive == null || directive.getArgument("max") == null) {
            return null;
        }
        Object max = directive.getArgument("max").getValue();
        return max instanceof Number number ? number.intValue() : null;
    }

    /** Whether the field answers a Relay connection, whose length is its {@code first}/{@code last}. */
    public static boolean isConnection(GraphQLFieldDefinition field) {
        return GraphQLTypeUtil.unwrapNonNull(field.getType()) instanceof GraphQLObjectType type
                && type.getName().endsWith("Connection");
    }

    /** Whether the field is a list (of anything). */
    public static boolean isList(GraphQLFieldDefinition field) {
        return GraphQLTypeUtil.unwrapNonNull(field.getType()) instanceof GraphQLList;
    }

    /**
     * List fields that are not bounded: no {@code @listSize} and not the {@code edges} of a connection (which its
     * {@code first}/{@code last} bounds). Introspection types are left out. Empty for a schema that keeps the contract.
     */
    public static List<String> unbounded(GraphQLSchema schema) {
        List<String> found = new ArrayList<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type.getName().startsWith("__") || !(type instanceof GraphQLFieldsContainer container)) {
                continue;
            }
            boolean connection = type.getName().endsWith("Connection");
            for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
                if (isList(field) && !connection && declaredMax(field) == null) {
                    found.add(type.getName() + "." + field.getName());
                }
            }
        }
        return found;
    }
}
