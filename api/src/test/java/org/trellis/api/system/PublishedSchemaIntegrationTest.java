package org.trellis.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.diff.DiffEvent;
import graphql.schema.diff.SchemaDiff;
import graphql.schema.diff.SchemaDiffSet;
import graphql.schema.diff.reporting.CapturingReporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.HttpHeaders;
import org.trellis.api.support.IntegrationTest;

/**
 * The published schema ({@code graphql/published/schema.graphqls}) is the schema the application serves, and the
 * schema changes only compatibly unless a breaking change is marked in {@code graphql/published/breaking-changes.txt}.
 * Run with {@code -Dschema.update=true} to write the served schema to the published file once the change is right.
 */
class PublishedSchemaIntegrationTest extends IntegrationTest {

    private static final Path PUBLISHED = Path.of("..", "graphql", "published", "schema.graphqls");
    private static final Path MARKED = Path.of("..", "graphql", "published", "breaking-changes.txt");

    @Autowired
    private GraphQlSource source;

    @Test
    void noChangeBreaksThePublishedSchemaUnlessItIsMarked() throws IOException {
        String served = PublishedSchema.print(source);
        CapturingReporter reporter = new CapturingReporter();
        new SchemaDiff().diffSchema(SchemaDiffSet.diffSetFromSdl(Files.readString(PUBLISHED), served), reporter);
        Set<String> marked = Files.readAllLines(MARKED).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .collect(Collectors.toSet());
        List<String> unmarked = reporter.getBreakages().stream()
                .map(PublishedSchemaIntegrationTest::describe)
                .filter(breakage -> !marked.contains(breakage))
                .toList();
        assertThat(unmarked)
                .as("breaking changes against graphql/published/schema.graphqls; mark deliberate ones in %s", MARKED)
                .isEmpty();
    }

    @Test
    void thePublishedSchemaIsTheServedSchema() throws IOException {
        String served = PublishedSchema.print(source);
        if (Boolean.getBoolean("schema.update")) {
            Files.writeString(PUBLISHED, served, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(PUBLISHED))
                .as("graphql/published/schema.graphqls is out of date: run this test with -Dschema.update=true")
                .isEqualTo(served);
    }

    @Test
    void authenticatedCallersReadTheSchemaAtItsUrl() {
        String body = http().get()
                .uri("/graphql/schema")
                .header(
                        HttpHeaders.AUTHORIZATION,
                        "Bearer " + newTenant("schema").engineer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(body).contains("type Query", "type PersonConnection", "nodes: [Person!]!", "totalCount: Int!");

        http().get().uri("/graphql/schema").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aBreakingChangeIsFound() {
        String before = "type Query { a: String, b: Int }";
        String after = "type Query { a: String! }";
        CapturingReporter reporter = new CapturingReporter();
        new SchemaDiff().diffSchema(SchemaDiffSet.diffSetFromSdl(before, after), reporter);
        assertThat(reporter.getBreakages())
                .extracting(PublishedSchemaIntegrationTest::describe)
                .anySatisfy(breakage -> assertThat(breakage).startsWith("MISSING: Query.b"));
    }

    private static String describe(DiffEvent event) {
        return event.getCategory() + ": " + event.getTypeName()
                + (event.getFieldName() == null ? "" : "." + event.getFieldName()) + ": " + event.getReasonMsg();
    }
}
