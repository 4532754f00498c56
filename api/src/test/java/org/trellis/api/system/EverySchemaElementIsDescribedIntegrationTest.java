package org.trellis.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.Scalars;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLDirective;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.trellis.api.support.IntegrationTest;

/**
 * Issue #13, item 2: every type, field, argument, enum value, input field and directive of the schema the application
 * serves has a description, the pagination types Spring GraphQL generates at startup included. Left out are only the
 * introspection types ({@code __*}), the scalars and the directives the GraphQL specification defines.
 */
class EverySchemaElementIsDescribedIntegrationTest extends IntegrationTest {

    private static final Set<String> SPECIFIED_SCALARS = Stream.of(
                    Scalars.GraphQLString,
                    Scalars.GraphQLInt,
                    Scalars.GraphQLFloat,
                    Scalars.GraphQLBoolean,
                    Scalars.GraphQLID)
            .map(GraphQLNamedType::getName)
            .collect(java.util.stream.Collectors.toSet());

    private static final Set<String> SPECIFIED_DIRECTIVES = Set.of(
            "include", "skip", "deprecated", "specifiedBy", "oneOf", "defer", "experimental_disableErrorPropagation");

    @Autowired
    private GraphQlSource graphQlSource;

    @Test
    void everyElementOfTheServedSchemaHasADescription() {
        GraphQLSchema schema = graphQlSource.schema();

        assertThat(schema.getType("Person"))
                .as("the application's schema was read")
                .isNotNull();
        assertThat(undescribed(schema))
                .as("schema elements without a description")
                .isEmpty();
    }

    @Test
    void thePaginationTypesGeneratedAtStartupAreDescribed() {
        GraphQLSchema schema = graphQlSource.schema();

        for (String generated : List.of("PageInfo", "PersonConnection", "PersonEdge", "AuditEventConnection")) {
            GraphQLFieldsContainer type = (GraphQLFieldsContainer) schema.getType(generated);
            assertThat(type).as(generated + " is generated").isNotNull();
            assertThat(type.getDescription()).as(generated).isNotBlank();
            type.getFieldDefinitions()
                    .forEach(field -> assertThat(field.getDescription())
                            .as(generated + "." + field.getName())
                            .isNotBlank());
        }
        assertThat(schema.getObjectType("PersonEdge").getDescription()).contains("`Person`");
    }

    @Test
    void listsEachKindOfElementThatLacksADescription() {
        GraphQLSchema bare = schemaOf("""
                "Described."
                directive @tag(name: String) on FIELD_DEFINITION
                "Described."
                type Query {
                    "Described."
                    person(id: ID, "Described." first: Int): Person @tag(name: "x")
                }
                type Person { name: String }
                "Described."
                enum Colour { "Described." RED GREEN }
                "Described."
                input Filter { "Described." colour: Colour text: String }
                scalar Instant
                extend type Query { "Described." filtered(filter: Filter): [Person] }
                """);

        assertThat(undescribed(bare))
                .containsExactlyInAnyOrder(
                        "Query.person(id)",
                        "Person",
                        "Person.name",
                        "Colour.GREEN",
                        "Filter.text",
                        "Instant",
                        "Query.filtered(filter)",
                        "@tag(name)");
    }

    /** Every element of the schema without a description, as {@code Type.field(argument)} and the like. */
    static List<String> undescribed(GraphQLSchema schema) {
        List<String> found = new ArrayList<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            String name = type.getName();
            if (name.startsWith("__") || SPECIFIED_SCALARS.contains(name)) {
                continue;
            }
            require(found, name, type.getDescription());
            if (type instanceof GraphQLFieldsContainer container) {
                for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
                    String path = name + "." + field.getName();
                    require(found, path, field.getDescription());
                    arguments(found, path, field.getArguments());
                }
            }
            if (type instanceof GraphQLInputObjectType input) {
                for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                    require(found, name + "." + field.getName(), field.getDescription());
                }
            }
            if (type instanceof GraphQLEnumType enumeration) {
                for (GraphQLEnumValueDefinition value : enumeration.getValues()) {
                    require(found, name + "." + value.getName(), value.getDescription());
                }
            }
        }
        for (GraphQLDirective directive : schema.getDirectives()) {
            if (SPECIFIED_DIRECTIVES.contains(directive.getName())) {
                continue;
            }
            require(found, "@" + directive.getName(), directive.getDescription());
            arguments(found, "@" + directive.getName(), directive.getArguments());
        }
        return found;
    }

    private static void arguments(List<String> found, String path, List<GraphQLArgument> arguments) {
        for (GraphQLArgument argument : arguments) {
            require(found, path + "(" + argument.getName() + ")", argument.getDescription());
        }
    }

    private static void require(List<String> found, String path, @Nullable String description) {
        if (description == null || description.isBlank()) {
            found.add(path);
        }
    }

    private static GraphQLSchema schemaOf(String sdl) {
        return new SchemaGenerator()
                .makeExecutableSchema(
                        new SchemaParser().parse(sdl),
                        RuntimeWiring.newRuntimeWiring()
                                .scalar(graphql.schema.GraphQLScalarType.newScalar()
                                        .name("Instant")
                                        .coercing(new graphql.schema.Coercing<Object, Object>() {})
                                        .build())
                                .build());
    }
}
