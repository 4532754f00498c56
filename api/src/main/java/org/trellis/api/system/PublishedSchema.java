package org.trellis.api.system;

import static org.springframework.web.servlet.function.RouterFunctions.route;

import graphql.schema.idl.SchemaPrinter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The complete schema as clients generate code from it, Connection types and descriptions included: served to
 * authenticated callers at {@code GET /graphql/schema} (whether or not introspection is on), and kept in the
 * repository as {@code graphql/published/schema.graphqls}, which a test holds to it.
 */
@Configuration(proxyBeanMethods = false)
class PublishedSchema {

    /** How the schema is printed, for the route and for the test that compares it with the published file. */
    static String print(GraphQlSource source) {
        SchemaPrinter.Options options = SchemaPrinter.Options.defaultOptions()
                .includeDirectives(true)
                .includeScalarTypes(true)
                .includeSchemaDefinition(false)
                .includeIntrospectionTypes(false);
        return new SchemaPrinter(options).print(source.schema());
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> publishedSchemaRoute(GraphQlSource source) {
        String printed = print(source);
        return route().GET(
                        "/graphql/schema",
                        request -> ServerResponse.ok()
                                .contentType(
                                        new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                                .body(printed))
                .build();
    }
}
