package org.trellis.api.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.trellis.api.support.IntegrationTest;
import org.trellis.api.support.TestDatabase;
import org.trellis.persistence.DatabaseProvisioner;

/**
 * The run command's profile on a fixed port, creating its own database and roles (dropped when the JVM exits, as the
 * application context outlives any one test class). Subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("local")
abstract class LocalProfileTest {

    static final int PORT = freePort();
    private static final String DATABASE = TestDatabase.INSTANCE.name() + "_local";
    private static final String ADMIN_URL =
            "jdbc:postgresql://" + System.getProperty("trellis.test.db.host", "localhost") + ":"
                    + System.getProperty("trellis.test.db.port", "5432") + "/";
    private static final String ADMIN_USER = System.getProperty("trellis.test.db.admin-user", "postgres");
    private static final String ADMIN_PASSWORD = System.getProperty("trellis.test.db.admin-password", "");

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() ->
                        new DatabaseProvisioner(ADMIN_URL + "postgres", ADMIN_USER, ADMIN_PASSWORD).drop(DATABASE)));
    }

    @DynamicPropertySource
    static void localEnvironment(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("trellis.local.admin-url", () -> ADMIN_URL + "postgres");
        registry.add("trellis.local.admin-user", () -> ADMIN_USER);
        registry.add("trellis.local.admin-password", () -> ADMIN_PASSWORD);
        registry.add("trellis.local.database", () -> DATABASE);
        registry.add("spring.datasource.url", () -> ADMIN_URL + DATABASE);
        registry.add("spring.datasource.username", TestDatabase.RUNTIME::name);
        registry.add("spring.datasource.password", TestDatabase.RUNTIME::password);
        registry.add("spring.liquibase.user", TestDatabase.OWNER::name);
        registry.add("spring.liquibase.password", TestDatabase.OWNER::password);
    }

    static WebTestClient client() {
        return WebTestClient.bindToServer()
                .responseTimeout(IntegrationTest.RESPONSE_TIMEOUT)
                .baseUrl("http://127.0.0.1:" + PORT)
                .build();
    }

    /** The development tokens, by subject, as a developer fetches them. */
    static Map<String, String> tokens() {
        return client().get()
                .uri("/dev/tokens")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, String>>() {})
                .returnResult()
                .getResponseBody();
    }

    /** GraphQL over HTTP with the development token of a demo person. */
    static HttpGraphQlTester graphQl(String subject) {
        return HttpGraphQlTester.builder(WebTestClient.bindToServer()
                        .responseTimeout(IntegrationTest.RESPONSE_TIMEOUT)
                        .baseUrl("http://127.0.0.1:" + PORT + "/graphql")
                        .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokens().get(subject)))
                .responseTimeout(IntegrationTest.RESPONSE_TIMEOUT)
                .build();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
