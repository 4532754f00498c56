package org.trellis.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.MediaType;
import org.trellis.api.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The error contract over real HTTP, one row per malformed or refused request (the fuzzed cases of issue #10 among
 * them): each answers its status with a JSON body in its path family's format (GraphQL errors under
 * {@code /graphql}, SCIM errors under {@code /scim/v2}, problem details elsewhere), a classification or status,
 * and the request's correlation id; never a 500, never HTML, never an empty body.
 */
class HttpErrorContractIntegrationTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    private static final String QUERY = "{\"query\":\"{ me { kind } }\"}";
    private static final int GRAPHQL_CAP = 524_288;
    private static final int SCIM_CAP = 1_048_576;

    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private String engineer;
    private String scimSecret;

    enum Family {
        GRAPHQL,
        SCIM,
        PROBLEM
    }

    record Row(
            String name, int status, Family family, HttpRequest.Builder request, Consumer<HttpResponse<String>> more) {

        Row(String name, int status, Family family, HttpRequest.Builder request) {
            this(name, status, family, request, response -> {});
        }
    }

    @BeforeEach
    void signIn() {
        TestTenant tenant = newTenant("errors");
        engineer = tenant.engineer();
        scimSecret = graphQl(tenant.admin())
                .document("mutation { createScimCredential(input: {name: \"errors\"}) { secret } }")
                .execute()
                .path("createScimCredential.secret")
                .entity(String.class)
                .get();
    }

    @TestFactory
    Stream<DynamicTest> everyErrorAnswersJsonInItsPathFamilysFormat() {
        return rows().stream().map(row -> DynamicTest.dynamicTest(row.name(), () -> check(row)));
    }

    @Test
    void acceptsChunkedBodiesUnderTheCap() throws Exception {
        HttpResponse<String> response = client.send(
                request("/graphql", engineer)
                        .header("Content-Type", "application/json")
                        .POST(chunked(QUERY.getBytes(StandardCharsets.UTF_8)))
                        .build(),
                BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).at("/data/me/kind").asString())
                .isEqualTo("PERSON");

        String padded = "{\"query\":\"{ me { kind } }\"" + " ".repeat(GRAPHQL_CAP - 40) + "}";
        HttpResponse<String> nearCap = client.send(
                request("/graphql", engineer)
                        .header("Content-Type", "application/json")
                        .POST(chunked(padded.getBytes(StandardCharsets.UTF_8)))
                        .build(),
                BodyHandlers.ofString());
        assertThat(nearCap.statusCode()).isEqualTo(200);
    }

    @Test
    void chunkedScimBodiesUnderTheCapAreProvisioned() throws Exception {
        String user = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"chunked@example.com\",\"displayName\":\"Chunked\"}";
        HttpResponse<String> response = client.send(
                request("/scim/v2/Users", scimSecret)
                        .header("Content-Type", "application/scim+json")
                        .POST(chunked(user.getBytes(StandardCharsets.UTF_8)))
                        .build(),
                BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(response.body()).get("userName").asString()).isEqualTo("chunked@example.com");
    }

    /**
     * A request line Tomcat refuses before any filter runs (an unencoded brace in the query) is answered by the
     * container's error report, which must be ours: JSON, not Tomcat's HTML page.
     */
    @Test
    void requestsTheContainerRefusesAnswerJsonToo() throws Exception {
        String raw;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("GET /graphql?query={me{kind}} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(raw).startsWith("HTTP/1.1 400");
        String head = raw.substring(0, raw.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
        String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
        assertThat(head)
                .containsPattern("content-type: application/(problem\\+)?json")
                .contains("x-correlation-id: ");
        assertThat(body).doesNotContainIgnoringCase("<html");
        JsonNode json = JSON.readTree(body);
        JsonNode classification =
                json.has("errors") ? json.at("/errors/0/extensions/classification") : json.get("classification");
        assertThat(classification.asString()).isEqualTo("BAD_REQUEST");
    }

    private List<Row> rows() {
        String multipartBody =
                "--xyz\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n" + QUERY + "\r\n--xyz--\r\n";
        String mutation = "mutation { createTenant(input: {slug: \"via-get\", name: \"x\"}) { tenant { id } } }";
        byte[] overGraphQlCap = padding(GRAPHQL_CAP + 1);
        byte[] overScimCap = padding(SCIM_CAP + 1);
        List<Row> rows = new ArrayList<>();

        // GraphQL: what the fuzzer found, and its neighbours.
        rows.add(new Row(
                "graphql multipart form",
                415,
                Family.GRAPHQL,
                post("/graphql", engineer, "multipart/form-data; boundary=xyz", multipartBody)));
        rows.add(new Row(
                "graphql malformed multipart form",
                415,
                Family.GRAPHQL,
                post("/graphql", engineer, "multipart/form-data; boundary=xyz", "not a multipart body")));
        rows.add(new Row("graphql body null", 400, Family.GRAPHQL, json("/graphql", "null")));
        rows.add(new Row("graphql body empty", 400, Family.GRAPHQL, json("/graphql", "")));
        rows.add(new Row("graphql body an array", 400, Family.GRAPHQL, json("/graphql", "[" + QUERY + "]")));
        rows.add(new Row("graphql body a string", 400, Family.GRAPHQL, json("/graphql", "\"{ me { kind } }\"")));
        rows.add(new Row("graphql body without query", 400, Family.GRAPHQL, json("/graphql", "{}")));
        rows.add(new Row("graphql query not a string", 400, Family.GRAPHQL, json("/graphql", "{\"query\":42}")));
        rows.add(new Row(
                "graphql variables not an object",
                400,
                Family.GRAPHQL,
                json("/graphql", "{\"query\":\"{ me { kind } }\",\"variables\":\"x\"}")));
        rows.add(new Row("graphql malformed JSON", 400, Family.GRAPHQL, json("/graphql", "{\"query\": \"{ me ")));
        rows.add(new Row("graphql JSON nested too deep", 400, Family.GRAPHQL, json("/graphql", "[".repeat(5000))));
        rows.add(new Row(
                "graphql text/plain",
                415,
                Family.GRAPHQL,
                post("/graphql", engineer, "text/plain", "{ me { kind } }")));
        rows.add(new Row(
                "graphql without content type",
                415,
                Family.GRAPHQL,
                request("/graphql", engineer).POST(BodyPublishers.ofString(QUERY))));
        rows.add(new Row(
                "graphql unparseable content type", 415, Family.GRAPHQL, post("/graphql", engineer, "///", QUERY)));
        rows.add(new Row(
                "graphql unknown charset",
                415,
                Family.GRAPHQL,
                post("/graphql", engineer, "application/json; charset=no-such-charset", QUERY)));
        rows.add(new Row(
                "graphql accepts only HTML",
                406,
                Family.GRAPHQL,
                json("/graphql", QUERY).header("Accept", "text/html")));
        rows.add(new Row(
                "graphql mutation over GET",
                405,
                Family.GRAPHQL,
                request("/graphql?query=" + encode(mutation), engineer).GET(),
                response -> assertThat(response.headers().allValues("Allow")).containsExactly("POST")));
        rows.add(new Row(
                "graphql GET variables not JSON",
                400,
                Family.GRAPHQL,
                request("/graphql?query=" + encode("{ me { kind } }") + "&variables=not-json", engineer)
                        .GET()));
        rows.add(new Row(
                "graphql DELETE",
                405,
                Family.GRAPHQL,
                request("/graphql", engineer).DELETE(),
                response -> assertThat(String.join(",", response.headers().allValues("Allow")))
                        .contains("GET")
                        .contains("POST")));
        rows.add(new Row(
                "graphql PUT",
                405,
                Family.GRAPHQL,
                request("/graphql", engineer)
                        .header("Content-Type", "application/json")
                        .PUT(ofString(QUERY))));
        rows.add(new Row(
                "graphql TRACE",
                405,
                Family.GRAPHQL,
                request("/graphql", engineer).method("TRACE", noBody())));
        rows.add(new Row(
                "graphql declared body over the cap",
                413,
                Family.GRAPHQL,
                request("/graphql", engineer)
                        .header("Content-Type", "application/json")
                        .POST(BodyPublishers.ofByteArray(overGraphQlCap))));
        rows.add(new Row(
                "graphql chunked body over the cap",
                413,
                Family.GRAPHQL,
                request("/graphql", engineer)
                        .header("Content-Type", "application/json")
                        .POST(chunked(overGraphQlCap))));
        rows.add(new Row(
                "graphql without token",
                401,
                Family.GRAPHQL,
                post("/graphql", null, "application/json", QUERY),
                response -> assertThat(response.headers().firstValue("WWW-Authenticate"))
                        .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"))));
        rows.add(new Row(
                "graphql with a malformed token",
                401,
                Family.GRAPHQL,
                post("/graphql", "not-a-jwt", "application/json", QUERY)));
        rows.add(new Row(
                "graphql unauthenticated chunked body",
                401,
                Family.GRAPHQL,
                request("/graphql", null)
                        .header("Content-Type", "application/json")
                        .POST(chunked(QUERY.getBytes(StandardCharsets.UTF_8)))));
        rows.add(new Row(
                "graphql unknown subpath",
                404,
                Family.GRAPHQL,
                request("/graphql/nope", engineer).GET()));
        rows.add(new Row(
                "graphql path parameter the firewall rejects",
                400,
                Family.GRAPHQL,
                request("/graphql;jsessionid=x?query=" + encode("{ me { kind } }"), engineer)
                        .GET()));

        // SCIM.
        rows.add(new Row(
                "scim without credential",
                401,
                Family.SCIM,
                request("/scim/v2/Users", null).GET()));
        rows.add(new Row(
                "scim with a wrong credential",
                401,
                Family.SCIM,
                request("/scim/v2/Users", "wrong").GET()));
        rows.add(new Row(
                "scim declared body over the cap",
                413,
                Family.SCIM,
                request("/scim/v2/Users", scimSecret)
                        .header("Content-Type", "application/scim+json")
                        .POST(BodyPublishers.ofByteArray(overScimCap))));
        rows.add(new Row(
                "scim chunked body over the cap",
                413,
                Family.SCIM,
                request("/scim/v2/Users", scimSecret)
                        .header("Content-Type", "application/scim+json")
                        .POST(chunked(overScimCap))));
        rows.add(new Row(
                "scim malformed JSON",
                400,
                Family.SCIM,
                post("/scim/v2/Users", scimSecret, "application/scim+json", "{\"userName\": "),
                response -> assertThat(readTree(response).get("scimType").asString())
                        .isEqualTo("invalidSyntax")));
        rows.add(new Row(
                "scim body null",
                400,
                Family.SCIM,
                post("/scim/v2/Users", scimSecret, "application/scim+json", "null")));
        rows.add(new Row(
                "scim unsupported media type",
                415,
                Family.SCIM,
                post("/scim/v2/Users", scimSecret, "text/plain", "userName=x")));
        rows.add(new Row(
                "scim unknown charset",
                415,
                Family.SCIM,
                post("/scim/v2/Users", scimSecret, "application/scim+json; charset=no-such-charset", "{}")));
        rows.add(new Row(
                "scim accepts only HTML",
                406,
                Family.SCIM,
                request("/scim/v2/Users", scimSecret)
                        .header("Accept", "text/html")
                        .GET()));
        rows.add(new Row(
                "scim unknown resource",
                404,
                Family.SCIM,
                request("/scim/v2/Nope", scimSecret).GET()));
        rows.add(new Row(
                "scim DELETE on the collection",
                405,
                Family.SCIM,
                request("/scim/v2/Users", scimSecret).DELETE()));

        // Everything else: problem details.
        rows.add(new Row(
                "unknown path without token",
                401,
                Family.PROBLEM,
                request("/nope", null).GET()));
        rows.add(new Row(
                "unknown path", 404, Family.PROBLEM, request("/nope", engineer).GET()));
        rows.add(new Row(
                "error page asked for directly",
                404,
                Family.PROBLEM,
                request("/error", engineer).GET()));
        rows.add(new Row(
                "actuator endpoint not exposed",
                401,
                Family.PROBLEM,
                request("/actuator/env", null).GET()));
        rows.add(new Row(
                "encoded dot segment the firewall rejects",
                400,
                Family.PROBLEM,
                request("/nope/%2e%2e/graphql", engineer).GET()));
        rows.add(new Row(
                "webhook GET",
                405,
                Family.PROBLEM,
                request("/webhooks/abc", null).GET()));
        rows.add(new Row(
                "webhook unknown endpoint",
                404,
                Family.PROBLEM,
                post("/webhooks/abc", null, "application/json", "{}")));
        rows.add(new Row(
                "webhook chunked body over the cap",
                413,
                Family.PROBLEM,
                request("/webhooks/abc", null)
                        .header("Content-Type", "application/json")
                        .POST(chunked(overGraphQlCap))));
        return rows;
    }

    private void check(Row row) throws Exception {
        String correlationId = "contract-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> response = client.send(
                row.request().header("X-Correlation-Id", correlationId).build(), BodyHandlers.ofString());
        String body = response.body();
        assertThat(response.statusCode()).as("status; body %s", body).isEqualTo(row.status());
        assertThat(body).isNotBlank().doesNotContainIgnoringCase("<html").doesNotContain("Exception", "\tat ");
        assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue(correlationId);
        MediaType type = MediaType.parseMediaType(
                response.headers().firstValue("Content-Type").orElse("application/octet-stream"));
        JsonNode json = JSON.readTree(body);
        switch (row.family()) {
            case GRAPHQL -> {
                assertThat(type.isCompatibleWith(MediaType.APPLICATION_JSON)
                                || type.isCompatibleWith(MediaType.parseMediaType("application/graphql-response+json")))
                        .as("content type %s", type)
                        .isTrue();
                assertThat(json.has("data")).isFalse();
                JsonNode error = json.get("errors").get(0);
                assertThat(error.get("message").asString()).isNotBlank();
                assertThat(error.at("/extensions/classification").asString()).isEqualTo(classification(row.status()));
                assertThat(error.at("/extensions/correlationId").asString()).isEqualTo(correlationId);
            }
            case SCIM -> {
                assertThat(type.isCompatibleWith(MediaType.parseMediaType("application/scim+json")))
                        .as("content type %s", type)
                        .isTrue();
                assertThat(json.get("schemas").get(0).asString()).isEqualTo(SCIM_ERROR);
                assertThat(json.get("status").asString()).isEqualTo(Integer.toString(row.status()));
                assertThat(json.get("detail").asString()).isNotBlank();
            }
            case PROBLEM -> {
                assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                        .as("content type %s", type)
                        .isTrue();
                assertThat(json.get("status").asInt()).isEqualTo(row.status());
                assertThat(json.get("title").asString()).isNotBlank();
                assertThat(json.get("detail").asString()).isNotBlank();
                assertThat(json.get("classification").asString()).isEqualTo(classification(row.status()));
                assertThat(json.get("correlationId").asString()).isEqualTo(correlationId);
            }
        }
        row.more().accept(response);
    }

    private static String classification(int status) {
        return switch (status) {
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            default -> "BAD_REQUEST";
        };
    }

    private HttpRequest.Builder request(String pathAndQuery, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private HttpRequest.Builder post(String path, String token, String contentType, String body) {
        return request(path, token).header("Content-Type", contentType).POST(ofString(body));
    }

    private HttpRequest.Builder json(String path, String body) {
        return post(path, engineer, "application/json", body);
    }

    /** A body of unknown length, which HTTP/1.1 sends chunked. */
    private static BodyPublisher chunked(byte[] body) {
        return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    private static BodyPublisher ofString(String body) {
        return BodyPublishers.ofString(body);
    }

    private static BodyPublisher noBody() {
        return BodyPublishers.noBody();
    }

    private static byte[] padding(int length) {
        byte[] body = new byte[length];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[length - 1] = '}';
        return body;
    }

    private static JsonNode readTree(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
