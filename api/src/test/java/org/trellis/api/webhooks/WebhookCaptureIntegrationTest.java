package org.trellis.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.trellis.api.support.IntegrationTest;
import org.trellis.api.support.TestDatabase;
import org.trellis.graphql.GlobalId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replays the providers' published webhook payloads (and variations of them) through real HTTP, signed as the
 * providers sign them, and checks exactly which evidence and unmatched events result.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookCaptureIntegrationTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PAGERDUTY_SECRET = "pd-signing-secret-0123456789";
    private static final String EVIDENCE = "query($p: ID!) { evidence(personId: $p, first: 50) { edges { node {"
            + " kind source externalId status title links loggedOnBehalf competencies { key } } } } }";

    private TestTenant tenant;
    private String admin;
    private String version;
    private String githubPath;
    private String githubSecret;
    private String githubEndpoint;
    private String pagerDutyPath;

    @BeforeAll
    void tenantWithEndpoints() {
        tenant = newTenant("webhooks");
        admin = tenant.admin();
        String csv = "level,competency,expectation\n"
                + "L1,Code review,Reviews small changes\nL1,Delivery,Ships small changes\n"
                + "L1,Incident response,Joins incidents\n";
        version = graphQl(admin)
                .document("mutation($y: String!) { importFramework(input: {content: $y, format: CSV, name: \"Eng\"})"
                        + " { frameworkVersion { id } } }")
                .variable("y", csv)
                .execute()
                .path("importFramework.frameworkVersion.id")
                .entity(String.class)
                .get();
        graphQl(admin)
                .document("mutation($v: ID!) { publishFrameworkVersion(input: {id: $v}) { frameworkVersion { id } } }")
                .variable("v", version)
                .execute()
                .path("publishFrameworkVersion.frameworkVersion.id")
                .hasValue();
        var github = createEndpoint("GITHUB", "GitHub org", null);
        githubEndpoint = github.get("id");
        githubPath = github.get("path");
        githubSecret = github.get("secret");
        pagerDutyPath =
                createEndpoint("PAGERDUTY", "PagerDuty", PAGERDUTY_SECRET).get("path");
        assertThat(github.get("secret")).startsWith("whsec_");
    }

    @Test
    void replaysGitHubDeliveriesIntoExactlyTheExpectedEvidence() {
        String reviewer = person("gh-reviewer", "GITHUB", "octo-reviewer");
        String author = person("gh-author", "GITHUB", "Author-Cat");
        byte[] review = fixture("github/pull_request_review_submitted.payload.json", body -> {
            user(body.get("review"), "Octo-Reviewer");
            user(body.get("pull_request"), "author-cat");
            ((ObjectNode) body.get("review")).put("id", 900001);
        });

        github("pull_request_review", "d-1", review, githubSecret)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("processed")
                .jsonPath("$.captured")
                .isEqualTo(1);
        // The same delivery again, and the same review in another delivery: still one piece of evidence.
        github("pull_request_review", "d-1", review, githubSecret)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("duplicate");
        github("pull_request_review", "d-2", review, githubSecret)
                .expectBody()
                .jsonPath("$.already_captured")
                .isEqualTo(1);
        // A bad signature is refused and stores nothing: the same delivery id, signed properly, is then processed.
        byte[] second = fixture("github/pull_request_review_submitted.with-organization.payload.json", body -> {
            user(body.get("review"), "octo-reviewer");
            ((ObjectNode) body.get("review")).put("id", 900002);
        });
        github("pull_request_review", "d-3", second, "not-the-secret-at-all")
                .expectStatus()
                .isUnauthorized();
        githubUnsigned("pull_request_review", "d-3", second).expectStatus().isUnauthorized();
        github("pull_request_review", "d-3", second, githubSecret)
                .expectBody()
                .jsonPath("$.captured")
                .isEqualTo(1);
        // The published examples as they are: a self-review and a pull request closed without merging.
        github("pull_request_review", "d-4", raw("github/pull_request_review_submitted.payload.json"), githubSecret)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ignored");
        github("pull_request", "d-5", raw("github/pull_request_closed.payload.json"), githubSecret)
                .expectBody()
                .jsonPath("$.reason")
                .isEqualTo("pull request closed without merging");
        byte[] merged = fixture("github/pull_request_closed.payload.json", body -> {
            ObjectNode pullRequest = (ObjectNode) body.get("pull_request");
            pullRequest.put("merged", true).put("merged_at", "2019-05-15T15:21:18Z");
            user(pullRequest, "author-cat");
        });
        github("pull_request", "d-6", merged, githubSecret)
                .expectBody()
                .jsonPath("$.captured")
                .isEqualTo(1);
        github("ping", "d-7", "{\"zen\":\"Keep it logically awesome.\"}".getBytes(StandardCharsets.UTF_8), githubSecret)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ignored");

        List<Map<String, Object>> reviews = evidenceOf(reviewer);
        assertThat(reviews)
                .extracting(e -> e.get("externalId"))
                .containsExactlyInAnyOrder("github:review:900001", "github:review:900002");
        assertThat(reviews).allSatisfy(e -> {
            assertThat(e.get("kind")).isEqualTo("CODE_REVIEW");
            assertThat(e.get("source")).isEqualTo("GITHUB");
            assertThat(e.get("status")).isEqualTo("SUBMITTED");
            assertThat(e.get("loggedOnBehalf")).isEqualTo(true);
            assertThat(e.get("competencies")).isEqualTo(List.of(Map.of("key", "code-review")));
            assertThat((List<?>) e.get("links")).singleElement().asString().startsWith("https://github.com/");
        });
        assertThat(evidenceOf(author)).singleElement().satisfies(e -> {
            assertThat(e.get("kind")).isEqualTo("DELIVERY");
            assertThat(e.get("externalId")).isEqualTo("github:merged:279147437");
            assertThat(e.get("title"))
                    .isEqualTo("Merged Codertocat/Hello-World#2: Update the README with" + " new information.");
        });
        assertThat(endpoint(githubEndpoint).get("lastDeliveryAt")).isNotNull();
        // What an operator pages on: refused deliveries and unattributed work.
        String metrics = prometheusScrape();
        assertThat(metrics)
                .containsPattern("trellis_webhook_deliveries_total\\{[^}]*outcome=\"bad_signature\"[^}]*\\} [1-9]")
                .containsPattern("trellis_webhook_observations_total\\{[^}]*result=\"captured\"[^}]*\\} [1-9]");
    }

    @Test
    void gathersPagerDutyRespondersAcrossTheIncidentsEvents() {
        String first = person("pd-first", "PAGERDUTY", "PFIRST1");
        String helper = person("pd-helper", "PAGERDUTY", "PHELPER");
        String incident = "PINC" + UUID.randomUUID().toString().substring(0, 6);
        byte[] acknowledged = fixture("pagerduty/incident_acknowledged_v3.json", body -> {
            ObjectNode event = (ObjectNode) body.get("event");
            event.put("id", "ack-" + incident);
            ((ObjectNode) event.get("agent")).put("id", "PFIRST1");
            ObjectNode data = (ObjectNode) event.get("data");
            data.put("id", incident);
            ((ObjectNode) data.get("assignees").get(0)).put("id", "PFIRST1");
        });
        byte[] responderAdded = fixture("pagerduty/incident_responder_added_v3.json", body -> {
            ObjectNode event = (ObjectNode) body.get("event");
            event.put("id", "resp-" + incident);
            ObjectNode data = (ObjectNode) event.get("data");
            ((ObjectNode) data.get("incident")).put("id", incident);
            ((ObjectNode) data.get("user")).put("id", "PHELPER");
            ((ObjectNode) event.get("agent")).put("id", "PFIRST1");
        });
        byte[] resolved = fixture("pagerduty/incident_resolved_v3.json", body -> {
            ObjectNode event = (ObjectNode) body.get("event");
            event.put("id", "res-" + incident);
            ((ObjectNode) event.get("data")).put("id", incident);
            // The published example: resolved by PJ0LVEB, whom no one is linked to yet.
        });

        pagerDuty(acknowledged, "v1=" + hmacSha256(PAGERDUTY_SECRET, acknowledged))
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ignored");
        // During a rotation PagerDuty sends several signatures; one valid one is enough.
        pagerDuty(responderAdded, "v1=" + "0".repeat(64) + ", v1=" + hmacSha256(PAGERDUTY_SECRET, responderAdded))
                .expectStatus()
                .isOk();
        assertThat(evidenceOf(first)).isEmpty();
        pagerDuty(resolved, "v1=" + hmacSha256("wrong-secret-wrong-secret", resolved))
                .expectStatus()
                .isUnauthorized();
        pagerDuty(resolved, "v1=" + hmacSha256(PAGERDUTY_SECRET, resolved))
                .expectBody()
                .jsonPath("$.captured")
                .isEqualTo(2)
                .jsonPath("$.unmatched")
                .isEqualTo(1);
        pagerDuty(resolved, "v1=" + hmacSha256(PAGERDUTY_SECRET, resolved))
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("duplicate");

        for (String responder : List.of(first, helper)) {
            assertThat(evidenceOf(responder)).singleElement().satisfies(e -> {
                assertThat(e.get("kind")).isEqualTo("INCIDENT_RESPONSE");
                assertThat(e.get("source")).isEqualTo("PAGERDUTY");
                assertThat(e.get("links")).isEqualTo(List.of("https://pig208.pagerduty.com/incidents/PCPZE64"));
                assertThat(e.get("competencies")).isEqualTo(List.of(Map.of("key", "incident-response")));
            });
        }
        assertThat(pendingUnmatched())
                .anySatisfy(
                        e -> assertThat(e.get("externalId")).isEqualTo("pagerduty:incident:" + incident + ":PJ0LVEB"));
    }

    @Test
    void concurrentDeliveriesOfOneReviewCaptureItOnce() throws Exception {
        String reviewer = person("gh-concurrent", "GITHUB", "concurrent-reviewer");
        byte[] review = fixture("github/pull_request_review_submitted.payload.json", body -> {
            user(body.get("review"), "concurrent-reviewer");
            ((ObjectNode) body.get("review")).put("id", 940001);
        });
        List<String> statuses;
        try (var pool = Executors.newFixedThreadPool(6)) {
            List<Future<String>> replies = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                // Three replays of one delivery, and three other deliveries of the same review.
                String delivery = i < 3 ? "c-same" : "c-other-" + i;
                replies.add(pool.submit(() -> github("pull_request_review", delivery, review, githubSecret)
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody()));
            }
            statuses = new ArrayList<>();
            for (Future<String> reply : replies) {
                statuses.add(reply.get());
            }
        }
        assertThat(statuses).filteredOn(body -> body.contains("\"captured\"")).hasSize(1);
        assertThat(evidenceOf(reviewer)).extracting(e -> e.get("externalId")).containsExactly("github:review:940001");
    }

    @Test
    void keepsUnknownAccountsForAdminsToMapLater() {
        String login = "newcomer-" + UUID.randomUUID().toString().substring(0, 6);
        byte[] review = fixture("github/pull_request_review_submitted.payload.json", body -> {
            user(body.get("review"), login);
            ((ObjectNode) body.get("review")).put("id", 910001);
        });
        byte[] another = fixture("github/pull_request_review_submitted.payload.json", body -> {
            user(body.get("review"), login);
            ((ObjectNode) body.get("review")).put("id", 910002);
        });
        github("pull_request_review", "u-1", review, githubSecret)
                .expectBody()
                .jsonPath("$.unmatched")
                .isEqualTo(1);
        github("pull_request_review", "u-2", another, githubSecret)
                .expectStatus()
                .isOk();
        github("pull_request_review", "u-3", review, githubSecret)
                .expectStatus()
                .isOk();
        List<Map<String, Object>> pending = pendingUnmatched().stream()
                .filter(e -> login.equals(e.get("account")))
                .toList();
        assertThat(pending)
                .extracting(e -> e.get("externalId"))
                .containsExactlyInAnyOrder("github:review:910001", "github:review:910002");
        assertThat(pending).allSatisfy(e -> assertThat(e.get("reason")).isEqualTo("UNKNOWN_ACCOUNT"));

        String newcomer = person("newcomer-" + login, null, null);
        graphQl(admin)
                .document("mutation($id: ID!, $p: ID!) { mapUnmatchedEvent(input: {id: $id, personId: $p})"
                        + " { unmatchedEvent { status person { id } evidence { externalId } } } }")
                .variable("id", pending.getFirst().get("id"))
                .variable("p", newcomer)
                .execute()
                .path("mapUnmatchedEvent.unmatchedEvent.status")
                .entity(String.class)
                .isEqualTo("MAPPED")
                .path("mapUnmatchedEvent.unmatchedEvent.person.id")
                .entity(String.class)
                .isEqualTo(newcomer)
                .path("mapUnmatchedEvent.unmatchedEvent.evidence.externalId")
                .entity(String.class)
                .isEqualTo(pending.getFirst().get("externalId"));
        // Both of the account's events were captured, and its next review is attributed directly.
        assertThat(pendingUnmatched())
                .noneSatisfy(e -> assertThat(e.get("account")).isEqualTo(login));
        byte[] third = fixture("github/pull_request_review_submitted.payload.json", body -> {
            user(body.get("review"), login);
            ((ObjectNode) body.get("review")).put("id", 910003);
        });
        github("pull_request_review", "u-4", third, githubSecret)
                .expectBody()
                .jsonPath("$.captured")
                .isEqualTo(1);
        assertThat(evidenceOf(newcomer))
                .extracting(e -> e.get("externalId"))
                .containsExactlyInAnyOrder("github:review:910001", "github:review:910002", "github:review:910003");
        graphQl(admin)
                .document("mutation($id: ID!) { dismissUnmatchedEvent(input: {id: $id}) { unmatchedEvent { id }"
                        + " userErrors { field code } } }")
                .variable("id", pending.getFirst().get("id"))
                .execute()
                .path("dismissUnmatchedEvent.unmatchedEvent")
                .valueIsNull()
                .path("dismissUnmatchedEvent.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("CONFLICT")
                .path("dismissUnmatchedEvent.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("input", "id");
    }

    @Test
    void keepsWorkForPeopleWithoutTheCompetencyAndSkipsOptionalDelivery() {
        String login = "noframework-" + UUID.randomUUID().toString().substring(0, 6);
        String person = personOf(tenant.token("noframework-" + login));
        link(person, "GITHUB", login);
        byte[] review = fixture("github/pull_request_review_submitted.payload.json", body -> {
            user(body.get("review"), login);
            ((ObjectNode) body.get("review")).put("id", 920001);
        });
        byte[] merged = fixture("github/pull_request_closed.payload.json", body -> {
            ObjectNode pullRequest = (ObjectNode) body.get("pull_request");
            pullRequest.put("merged", true).put("id", 920002);
            user(pullRequest, login);
        });
        github("pull_request_review", "n-1", review, githubSecret)
                .expectBody()
                .jsonPath("$.unmatched")
                .isEqualTo(1);
        github("pull_request", "n-2", merged, githubSecret)
                .expectBody()
                .jsonPath("$.skipped")
                .isEqualTo(1);
        Map<String, Object> waiting = pendingUnmatched().stream()
                .filter(e -> login.equals(e.get("account")))
                .findFirst()
                .orElseThrow();
        assertThat(waiting.get("reason")).isEqualTo("NO_COMPETENCY");
        assertThat(pendingUnmatched())
                .noneSatisfy(e -> assertThat(e.get("externalId")).isEqualTo("github:merged:920002"));
        // Once the person has a framework, mapping the event captures it.
        assign(person);
        graphQl(admin)
                .document("mutation($id: ID!, $p: ID!) { mapUnmatchedEvent(input: {id: $id, personId: $p})"
                        + " { unmatchedEvent { status } } }")
                .variable("id", waiting.get("id"))
                .variable("p", person)
                .execute()
                .path("mapUnmatchedEvent.unmatchedEvent.status")
                .entity(String.class)
                .isEqualTo("MAPPED");
        assertThat(evidenceOf(person)).extracting(e -> e.get("externalId")).containsExactly("github:review:920001");
    }

    @Test
    void acceptsThePreviousSecretForAGracePeriodAfterRotation() {
        var endpoint = createEndpoint("GITHUB", "rotating", null);
        String oldSecret = endpoint.get("secret");
        String newSecret = graphQl(admin)
                .document("mutation($id: ID!) { rotateWebhookSecret(input: {id: $id}) { secret"
                        + " webhookEndpoint { previousSecretValidUntil } } }")
                .variable("id", endpoint.get("id"))
                .execute()
                .path("rotateWebhookSecret.webhookEndpoint.previousSecretValidUntil")
                .hasValue()
                .path("rotateWebhookSecret.secret")
                .entity(String.class)
                .get();
        assertThat(newSecret).isNotEqualTo(oldSecret);
        byte[] ping = "{\"zen\":\"Design for failure.\"}".getBytes(StandardCharsets.UTF_8);
        deliver(endpoint.get("path"), "ping", "r-1", ping, oldSecret)
                .expectStatus()
                .isOk();
        deliver(endpoint.get("path"), "ping", "r-2", ping, newSecret)
                .expectStatus()
                .isOk();
        // A secret the admin supplies (as PagerDuty's are) replaces it; the one before stays valid for the grace.
        graphQl(admin)
                .document(
                        "mutation($id: ID!) { rotateWebhookSecret(input: {id: $id, secret: \"supplied-secret-123456\"})"
                                + " { secret } }")
                .variable("id", endpoint.get("id"))
                .execute()
                .path("rotateWebhookSecret.secret")
                .valueIsNull();
        deliver(endpoint.get("path"), "ping", "r-3", ping, "supplied-secret-123456")
                .expectStatus()
                .isOk();
        deliver(endpoint.get("path"), "ping", "r-4", ping, oldSecret)
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void refusesUnknownDisabledAndMalformedDeliveries() {
        byte[] ping = "{}".getBytes(StandardCharsets.UTF_8);
        deliver("/webhooks/not-a-key", "ping", "m-1", ping, githubSecret)
                .expectStatus()
                .isNotFound();
        deliver("/webhooks/" + "0".repeat(64), "ping", "m-2", ping, githubSecret)
                .expectStatus()
                .isNotFound();
        // Another tenant's key with this endpoint's id is not this endpoint.
        String otherTenant = newTenant("webhooks-other").uuid().toString().replace("-", "");
        deliver(
                        "/webhooks/" + otherTenant + githubPath.substring("/webhooks/".length() + 32),
                        "ping",
                        "m-3",
                        ping,
                        githubSecret)
                .expectStatus()
                .isNotFound();
        deliver(githubPath, "ping", "m-4", "not json".getBytes(StandardCharsets.UTF_8), githubSecret)
                .expectStatus()
                .isBadRequest();
        http().post()
                .uri(githubPath)
                .header("X-Hub-Signature-256", "sha256=" + hmacSha256(githubSecret, ping))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(ping)
                .exchange()
                .expectStatus()
                .isBadRequest();
        http().get().uri(githubPath).exchange().expectStatus().is4xxClientError();

        var disabled = createEndpoint("GITHUB", "to disable", null);
        graphQl(admin)
                .document(
                        "mutation($id: ID!) { disableWebhookEndpoint(input: {id: $id}) { webhookEndpoint { disabledAt } } }")
                .variable("id", disabled.get("id"))
                .execute()
                .path("disableWebhookEndpoint.webhookEndpoint.disabledAt")
                .hasValue();
        deliver(disabled.get("path"), "ping", "m-5", ping, disabled.get("secret"))
                .expectStatus()
                .isNotFound();
    }

    @Test
    void refusesOversizedBodiesBeforeReadingThem() {
        byte[] huge = ("{\"zen\":\"" + "x".repeat(600 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        deliver(githubPath, "ping", "big-1", huge, githubSecret).expectStatus().isEqualTo(413);
    }

    @Test
    void answersAServerFailureWith500SoTheProviderRetries() throws Exception {
        var broken = createEndpoint("GITHUB", "broken key", null);
        try (Connection owner = DriverManager.getConnection(
                TestDatabase.INSTANCE.url(), TestDatabase.OWNER.name(), TestDatabase.OWNER.password())) {
            owner.setAutoCommit(false);
            try (PreparedStatement scope = owner.prepareStatement("select set_config('trellis.tenant_id', ?, true)")) {
                scope.setString(1, tenant.uuid().toString());
                scope.execute();
            }
            try (PreparedStatement corrupt = owner.prepareStatement(
                    "update webhook_endpoint set secret_ciphertext = 'v1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' where id = ?")) {
                corrupt.setObject(
                        1, GlobalId.decode(broken.get("id"), "WebhookEndpoint").orElseThrow());
                assertThat(corrupt.executeUpdate()).isEqualTo(1);
            }
            owner.commit();
        }
        deliver(broken.get("path"), "ping", "e-1", "{}".getBytes(StandardCharsets.UTF_8), broken.get("secret"))
                .expectStatus()
                .isEqualTo(500)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(500)
                .jsonPath("$.detail")
                .isEqualTo("The delivery could not be processed; retry.");
    }

    @Test
    void refusesBadEndpointInput() {
        graphQl(admin)
                .document(
                        "mutation { createWebhookEndpoint(input: {provider: PAGERDUTY, name: \"x\", secret: \"short\"})"
                                + " { webhookEndpoint { id } userErrors { field code } } }")
                .execute()
                .path("createWebhookEndpoint.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("input", "secret");
        graphQl(admin)
                .document("mutation { createWebhookEndpoint(input: {provider: GITHUB, name: \"\"})"
                        + " { webhookEndpoint { id } userErrors { field code } } }")
                .execute()
                .path("createWebhookEndpoint.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("input", "name");
        graphQl(admin)
                .document("{ webhookEndpoints { name secretHint } }")
                .execute()
                .path("webhookEndpoints[*].name")
                .entityList(String.class)
                .doesNotContain("", "x");
    }

    @Test
    void listsUnmatchedEventsWithoutOneQueryPerEvent() {
        // Pending events with and without a person (one account is linked to someone without a framework).
        String withoutFramework = personOf(tenant.token("stranger-owner"));
        link(withoutFramework, "GITHUB", "stranger-5");
        for (int i = 0; i < 6; i++) {
            int n = i;
            byte[] review = fixture("github/pull_request_review_submitted.payload.json", body -> {
                user(body.get("review"), "stranger-" + n);
                ((ObjectNode) body.get("review")).put("id", 930000 + n);
            });
            github("pull_request_review", "s-" + n, review, githubSecret)
                    .expectStatus()
                    .isOk();
        }
        // Mapped events with a person and evidence.
        for (Map<String, Object> event : pendingUnmatched()) {
            if (List.of("stranger-0", "stranger-1", "stranger-2").contains(event.get("account"))) {
                graphQl(admin)
                        .document("mutation($id: ID!, $p: ID!) { mapUnmatchedEvent(input: {id: $id, personId: $p})"
                                + " { unmatchedEvent { status } } }")
                        .variable("id", event.get("id"))
                        .variable("p", person("mapped-" + event.get("account"), null, null))
                        .execute()
                        .path("mapUnmatchedEvent.unmatchedEvent.status")
                        .entity(String.class)
                        .isEqualTo("MAPPED");
            }
        }
        assertThat(statementsFor("PENDING", 1)).isEqualTo(statementsFor("PENDING", 20));
        assertThat(statementsFor("MAPPED", 1)).isEqualTo(statementsFor("MAPPED", 20));
    }

    private int statementsFor(String status, int first) {
        sqlStatements.reset();
        List<Map> events = graphQl(admin)
                .document(
                        "query($s: UnmatchedStatus, $n: Int) { unmatchedEvents(status: $s, first: $n) { edges { node {"
                                + " id account person { id } evidence { id } } } } }")
                .variable("s", status)
                .variable("n", first)
                .execute()
                .path("unmatchedEvents.edges[*].node")
                .entityList(Map.class)
                .get();
        int statements = sqlStatements.count();
        assertThat(events).hasSizeGreaterThanOrEqualTo(first == 1 ? 1 : 3);
        if (first > 1) {
            assertThat(events).anySatisfy(e -> assertThat(e.get("person")).isNotNull());
            if (status.equals("MAPPED")) {
                assertThat(events).allSatisfy(e -> assertThat(e.get("evidence")).isNotNull());
            }
        }
        return statements;
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private Map<String, String> createEndpoint(String provider, String name, String secret) {
        var response = graphQl(admin)
                .document("mutation($p: WebhookProvider!, $n: String!, $s: String) { createWebhookEndpoint(input:"
                        + " {provider: $p, name: $n, secret: $s}) { secret webhookEndpoint { id path } userErrors"
                        + " { message } } }")
                .variable("p", provider)
                .variable("n", name)
                .variable("s", secret)
                .execute();
        response.path("createWebhookEndpoint.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        Map<String, String> result = new java.util.HashMap<>();
        result.put(
                "id",
                response.path("createWebhookEndpoint.webhookEndpoint.id")
                        .entity(String.class)
                        .get());
        result.put(
                "path",
                response.path("createWebhookEndpoint.webhookEndpoint.path")
                        .entity(String.class)
                        .get());
        result.put(
                "secret",
                secret != null
                        ? secret
                        : response.path("createWebhookEndpoint.secret")
                                .entity(String.class)
                                .get());
        return result;
    }

    private Map<String, Object> endpoint(String id) {
        return graphQl(admin)
                .document("query($id: ID!) { node(id: $id) { ... on WebhookEndpoint { lastDeliveryAt } } }")
                .variable("id", id)
                .execute()
                .path("node")
                .entity(Map.class)
                .get();
    }

    /** A person signed in once, on the test framework, linked to an account (when given). */
    private String person(String subject, String provider, String account) {
        String id = personOf(tenant.token(subject));
        assign(id);
        if (provider != null) {
            link(id, provider, account);
        }
        return id;
    }

    private void assign(String person) {
        graphQl(admin)
                .document("mutation($p: ID!, $v: ID!) { assignFramework(input: {personId: $p, versionId: $v,"
                        + " currentLevel: \"L1\"}) { userErrors { message } } }")
                .variable("p", person)
                .variable("v", version)
                .execute()
                .path("assignFramework.userErrors")
                .entityList(Object.class)
                .hasSize(0);
    }

    private void link(String person, String provider, String account) {
        graphQl(admin)
                .document("mutation($p: ID!, $k: ExternalAccountProvider!, $a: String!) { linkExternalAccount(input:"
                        + " {personId: $p, provider: $k, account: $a}) { userErrors { message } } }")
                .variable("p", person)
                .variable("k", provider)
                .variable("a", account)
                .execute()
                .path("linkExternalAccount.userErrors")
                .entityList(Object.class)
                .hasSize(0);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> evidenceOf(String person) {
        return graphQl(admin)
                .document(EVIDENCE)
                .variable("p", person)
                .execute()
                .path("evidence.edges[*].node")
                .entityList(Map.class)
                .get()
                .stream()
                .map(node -> (Map<String, Object>) node)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> pendingUnmatched() {
        return graphQl(admin)
                .document("{ unmatchedEvents(first: 100) { edges { node { id account externalId reason } } } }")
                .execute()
                .path("unmatchedEvents.edges[*].node")
                .entityList(Map.class)
                .get()
                .stream()
                .map(node -> (Map<String, Object>) node)
                .toList();
    }

    private WebTestClient.ResponseSpec github(String event, String deliveryId, byte[] body, String secret) {
        return deliver(githubPath, event, deliveryId, body, secret);
    }

    private WebTestClient.ResponseSpec deliver(
            String path, String event, String deliveryId, byte[] body, String secret) {
        return http().post()
                .uri(path)
                .header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", deliveryId + "-" + path.hashCode())
                .header("X-Hub-Signature-256", "sha256=" + hmacSha256(secret, body))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec githubUnsigned(String event, String deliveryId, byte[] body) {
        return http().post()
                .uri(githubPath)
                .header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", deliveryId + "-" + githubPath.hashCode())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec pagerDuty(byte[] body, String signature) {
        return http().post()
                .uri(pagerDutyPath)
                .header("X-PagerDuty-Signature", signature)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private static void user(JsonNode holder, String login) {
        ((ObjectNode) holder.get("user")).put("login", login);
    }

    private static byte[] raw(String name) {
        try (InputStream in = WebhookCaptureIntegrationTest.class.getResourceAsStream("/fixtures/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] fixture(String name, Consumer<ObjectNode> change) {
        ObjectNode body = (ObjectNode) JSON.readTree(raw(name));
        change.accept(body);
        return JSON.writeValueAsBytes(body);
    }
}
