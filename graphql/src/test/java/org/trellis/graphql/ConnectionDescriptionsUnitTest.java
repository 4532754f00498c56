package org.trellis.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.execution.ConnectionTypeDefinitionConfigurer;
import org.springframework.graphql.execution.GraphQlSource;

/** The generated pagination types get descriptions; types the schema describes itself keep theirs. */
class ConnectionDescriptionsUnitTest {

    private static final String SDL = """
            "The entry points."
            type Query {
                "Every book."
                books(first: Int, after: String, last: Int, before: String): BookConnection!
                "Every shelf."
                shelves: ShelfConnection!
            }
            "A book."
            type Book { "Its title." title: String! }
            "A shelf."
            type Shelf { "Its name." name: String! }
            "Shelves, as this schema writes them."
            type ShelfConnection { "The shelves." edges: [ShelfEdge!]! }
            type ShelfEdge { node: Shelf! }
            """;

    @Test
    void describesPageInfoAndEveryGeneratedConnectionAndEdge() {
        GraphQLSchema schema = schema(true);

        GraphQLObjectType pageInfo = schema.getObjectType("PageInfo");
        assertThat(pageInfo.getDescription()).isNotBlank();
        pageInfo.getFieldDefinitions()
                .forEach(field ->
                        assertThat(field.getDescription()).as(field.getName()).isNotBlank());
        assertThat(schema.getObjectType("BookConnection").getDescription()).contains("`Book`");
        assertThat(schema.getObjectType("BookConnection")
                        .getFieldDefinition("edges")
                        .getDescription())
                .isNotBlank();
        assertThat(schema.getObjectType("BookEdge").getDescription())
                .isEqualTo("One `Book` of a page, and its cursor.");
        assertThat(schema.getObjectType("BookEdge").getFieldDefinition("cursor").getDescription())
                .contains("`after`");
    }

    @Test
    void leavesTypesTheSchemaDefinesAsTheyAre() {
        GraphQLSchema schema = schema(true);

        assertThat(schema.getObjectType("ShelfConnection").getDescription())
                .isEqualTo("Shelves, as this schema writes them.");
        assertThat(schema.getObjectType("ShelfEdge").getDescription()).isNull();
        assertThat(schema.getObjectType("ShelfEdge").getFieldDefinition("node").getDescription())
                .isNull();
    }

    @Test
    void withoutItTheGeneratedTypesHaveNoDescriptions() {
        GraphQLSchema schema = schema(false);

        assertThat(schema.getObjectType("PageInfo").getDescription()).isNull();
        assertThat(schema.getObjectType("BookEdge").getDescription()).isNull();
    }

    private static GraphQLSchema schema(boolean describe) {
        GraphQlSource.SchemaResourceBuilder builder = GraphQlSource.schemaResourceBuilder()
                .schemaResources(new ByteArrayResource(SDL.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .configureTypeDefinitions(new ConnectionTypeDefinitionConfigurer());
        if (describe) {
            builder.configureTypeDefinitions(new ConnectionDescriptions());
        }
        return builder.build().schema();
    }
}
