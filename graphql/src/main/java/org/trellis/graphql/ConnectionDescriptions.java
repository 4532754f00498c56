package org.trellis.graphql;

import graphql.GraphQLError;
import graphql.language.Description;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.TypeDefinitionConfigurer;

/**
 * Describes the Relay pagination types Spring GraphQL's {@code ConnectionTypeDefinitionConfigurer} generates
 * ({@code PageInfo}, and an {@code XConnection} and {@code XEdge} for every {@code XConnection} a field answers), which
 * it adds without descriptions. Configure it after that configurer. A type is taken for a generated one by its name and
 * its fields, exactly those the generator writes; only missing descriptions are filled in, so a type or field the
 * schema files describe keeps its own.
 */
public final class ConnectionDescriptions implements TypeDefinitionConfigurer {

    private static final String PAGE_INFO = "PageInfo";
    private static final String CONNECTION = "Connection";
    private static final String EDGE = "Edge";

    private static final Map<String, String> PAGE_INFO_FIELDS = Map.of(
            "hasPreviousPage",
            "Reading backward (`last`/`before`): whether more items come before this page. Always false when"
                    + " reading forward, and when the page is empty.",
            "hasNextPage",
            "Reading forward (`first`/`after`, the default): whether more items come after this page. Always false"
                    + " when reading backward, and when the page is empty.",
            "startCursor",
            "The cursor of the page's first item, to pass as `before` (with `last`) for the page before it;"
                    + " null when the page is empty.",
            "endCursor",
            "The cursor of the page's last item, to pass as `after` for the page after it; null when the page"
                    + " is empty.");

    private static final Map<String, String> CONNECTION_FIELDS = Map.of(
            "edges", "The page's items, each with its cursor, in the list's order.",
            "pageInfo", "Where this page lies in the list, and the cursors to page on from.");

    private static final Map<String, String> EDGE_FIELDS = Map.of(
            "cursor",
            "Opaque place of this item in the list's order: pass it as `after` or `before` to page on from it. It"
                    + " stays good when items are added or removed, this one included.",
            "node",
            "The item.");

    @Override
    public void configure(TypeDefinitionRegistry registry) {
        for (ObjectTypeDefinition type : registry.getTypes(ObjectTypeDefinition.class)) {
            ObjectTypeDefinition described = describe(type);
            if (described != type) {
                registry.remove(type);
                Optional<GraphQLError> error = registry.add(described);
                if (error.isPresent()) {
                    throw new IllegalStateException("Cannot describe " + type.getName() + ": " + error.get());
                }
            }
        }
    }

    /** The type with its missing descriptions filled in, or the very same type if it is not a pagination type. */
    static ObjectTypeDefinition describe(ObjectTypeDefinition type) {
        String name = type.getName();
        if (name.equals(PAGE_INFO)) {
            return describe(type, "Where a page of a paginated list lies in the whole list.", PAGE_INFO_FIELDS);
        }
        if (name.endsWith(CONNECTION) && name.length() > CONNECTION.length()) {
            String item = name.substring(0, name.length() - CONNECTION.length());
            return describe(
                    type,
                    "One page of a paginated list of `" + item + "`, and where it lies in the whole list.",
                    CONNECTION_FIELDS);
        }
        if (name.endsWith(EDGE) && name.length() > EDGE.length()) {
            String item = name.substring(0, name.length() - EDGE.length());
            return describe(type, "One `" + item + "` of a page, and its cursor.", EDGE_FIELDS);
        }
        return type;
    }

    /** Fills in the missing descriptions of a type whose fields are exactly those the generator writes. */
    private static ObjectTypeDefinition describe(
            ObjectTypeDefinition type, String typeDescription, Map<String, String> fieldDescriptions) {
        Set<String> fieldNames = type.getFieldDefinitions().stream()
                .map(FieldDefinition::getName)
                .collect(Collectors.toSet());
        if (!fieldNames.equals(fieldDescriptions.keySet())) {
            return type;
        }
        boolean typeMissing = missing(type.getDescription());
        boolean fieldsMissing = type.getFieldDefinitions().stream().anyMatch(field -> missing(field.getDescription()));
        if (!typeMissing && !fieldsMissing) {
            return type;
        }
        List<FieldDefinition> fields = type.getFieldDefinitions().stream()
                .map(field -> missing(field.getDescription())
                        ? field.transform(builder -> builder.description(text(fieldDescriptions.get(field.getName()))))
                        : field)
                .toList();
        return type.transform(builder -> {
            builder.fieldDefinitions(fields);
            if (typeMissing) {
                builder.description(text(typeDescription));
            }
        });
    }

    private static boolean missing(@Nullable Description description) {
        return description == null || description.getContent().isBlank();
    }

    private static Description text(String content) {
        return new Description(content, null, false);
    }
}
