package org.trellis.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.trellis.api.support.IntegrationTest;

/**
 * The GraphQL requests of deploy/compose/setup-tenant.sh, sent as the script sends them (its shell variables filled
 * in), so the compose demo's tenant setup cannot drift from the schema: each succeeds without user errors.
 */
class ComposeSetupScriptIntegrationTest extends IntegrationTest {

    private static final Path SCRIPT = Path.of("..", "deploy", "compose", "setup-tenant.sh");
    private static final Pattern REQUEST = Pattern.compile("graphql '(\\{.*?\\})'");
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    @Test
    void setupScriptRequestsCreateTheTenantItsProviderAndItsServiceClient() throws IOException {
        String script = Files.readString(SCRIPT);
        List<String> requests = new ArrayList<>();
        Matcher matcher = REQUEST.matcher(script);
        while (matcher.find()) {
            requests.add(matcher.group(1));
        }
        assertThat(requests).hasSize(4);
        String slug = "compose-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> variables = new java.util.HashMap<>(Map.of(
                "DEMO_ISSUER",
                "http://localhost:8180/realms/" + slug,
                "AUTOMATION_SUBJECT",
                UUID.randomUUID().toString()));

        String tenants = send(requests.get(0), variables);
        assertThat(tenants).contains("\"tenants\"").doesNotContain("\"errors\"");

        String tenant = send(requests.get(1).replace("\"slug\":\"demo\"", "\"slug\":\"" + slug + "\""), variables);
        variables.put("tenant", id(tenant));

        String provider = send(requests.get(2), variables);
        variables.put("provider", id(provider));

        String client = send(requests.get(3), variables);
        assertThat(id(client)).isNotBlank();
    }

    /** Posts one request with the script's {@code '"$name"'} splices filled in; the answer, checked for errors. */
    private String send(String body, Map<String, String> variables) {
        String json = body;
        for (var variable : variables.entrySet()) {
            json = json.replace("'\"$" + variable.getKey() + "\"'", variable.getValue());
        }
        assertThat(json).doesNotContain("'\"$");
        String answer = http().post()
                .uri("/graphql")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + platformToken())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(answer).doesNotContain("\"errors\"").doesNotContain("\"message\"");
        return answer;
    }

    private static String id(String answer) {
        Matcher id = ID.matcher(answer);
        assertThat(id.find()).as(answer).isTrue();
        return id.group(1);
    }
}
