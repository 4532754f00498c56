package org.trellis.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec;
import org.trellis.api.support.IntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where introspection is on (the local profile), the introspection query standard tooling sends works, although it is
 * deeper than any data query may be; introspection that only a denial of service would send is still refused.
 */
@TestPropertySource(properties = "trellis.graphql.introspection=true")
class StandardIntrospectionIntegrationTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theIntrospectionQueryOfGraphqlJsAnswersTheWholeSchema() throws IOException {
        String engineer = newTenant("introspection").engineer();
        String query;
        try (InputStream in = getClass().getResourceAsStream("/graphql-test/standardIntrospection.graphql")) {
            query = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        post(engineer, query)
                .jsonPath("$.errors")
                .doesNotExist()
                .jsonPath("$.data.__schema.queryType.name")
                .isEqualTo("Query")
                .jsonPath("$.data.__schema.types[*].name")
                .value(names -> assertThat((List<Object>) names)
                        .contains("Query", "Mutation", "Person", "PersonConnection", "PageInfo", "ReadinessStatus"));
    }

    @Test
    void introspectionThatLoopsThroughTypesIsRefused() {
        String engineer = newTenant("bad-faith").engineer();
        post(engineer, "{ __schema { types { fields { type { fields { type { fields { type { name } } } } } } } } }")
                .jsonPath("$.data")
                .doesNotExist()
                .jsonPath("$.errors[0].message")
                .value(message -> assertThat((String) message).isNotBlank());
    }

    private BodyContentSpec post(String token, String query) {
        return http().mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build()
                .post()
                .uri("/graphql")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(JSON.writeValueAsString(Map.of("query", query)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }
}
