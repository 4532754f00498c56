package org.trellis.api.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.trellis.api.support.IntegrationTest;
import org.trellis.api.support.TestIssuers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load benchmark of representative GraphQL requests against the real application and database on this machine:
 * throughput, latency percentiles and SQL statements per request. Not part of the normal test run; see README
 * "Benchmarks" for the command and the latest figures. Bounded in time and count, loopback only.
 */
@Tag("benchmark")
class GraphQlBenchmarkTest extends IntegrationTest {

    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration MEASURE = Duration.ofSeconds(15);
    private static final int CONCURRENCY = 16;
    private static final int MAX_REQUESTS = 500_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder()
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    @Test
    void measure() throws Exception {
        TestTenant tenant = newTenant("bench");
        for (int p = 1; p < 5; p++) {
            String providerId = graphQl(platformToken())
                    .documentName("registerIdentityProvider")
                    .variable(
                            "input",
                            Map.of(
                                    "tenantId",
                                    tenant.id(),
                                    "displayName",
                                    "Bench " + p,
                                    "issuer",
                                    TestIssuers.INSTANCE
                                            .issuer("bench-" + UUID.randomUUID())
                                            .url(),
                                    "audience",
                                    "bench"))
                    .execute()
                    .path("registerIdentityProvider.identityProvider.id")
                    .entity(String.class)
                    .get();
            for (int c = 0; c < 4; c++) {
                registerServiceClient(platformToken(), providerId, "bench-client-" + c, List.of("people:read"));
            }
        }
        for (int t = 0; t < 50; t++) {
            newTenant("bench-list");
        }
        String engineer = tenant.engineer();
        String admin = tenant.admin();
        List<String> rows = new ArrayList<>();
        rows.add(run("me (sign-in + person)", engineer, "{ me { kind roles person { displayName } } }"));
        rows.add(run(
                "tenant → 5 providers → 4 clients each",
                admin,
                "{ tenant { name identityProviders { issuer serviceClients { subject scopes } } } }"));
        rows.add(run(
                "platform: 50 tenants → providers",
                platformToken(),
                "{ tenants(first: 50) { edges { node { slug identityProviders { issuer } } } } }"));
        String mentor = seedMentoring(tenant);
        rows.add(run(
                "evidence: 50 items → competencies, person",
                mentor,
                "query($p: ID!) { evidence(personId: $p, first: 50) { edges { node { title status person { displayName }"
                        + " competencies { key name } } } } }",
                Map.of("p", personOf(mentor))));
        rows.add(run(
                "mentor: 10 pairings → mentee, focus, sessions → actions, notes, evidence",
                mentor,
                "{ myMentorships(role: MENTOR) { status mentee { displayName } focus { key } goals { title }"
                        + " sessions { heldOn privateNote actions { done } evidence { status } } } }",
                Map.of()));
        String report = "| scenario | req/s | p50 ms | p95 ms | p99 ms | max ms | SQL statements/request |\n"
                + "|---|---|---|---|---|---|---|\n" + String.join("\n", rows) + "\n\n"
                + "Measured " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, "
                + CONCURRENCY + " concurrent clients, " + MEASURE.toSeconds() + " s per scenario after "
                + WARM_UP.toSeconds() + " s warm-up; application, PostgreSQL and load generator share the machine.\n";
        Path out = Path.of("target", "benchmark", "results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println("\n" + report);
    }

    /** A mentor (on the senior-role framework) with 50 evidence items and 10 active pairings, a session each. */
    private String seedMentoring(TestTenant tenant) {
        String admin = tenant.admin();
        String version = seniorRoleTemplate(admin);
        String competency = graphQl(admin)
                .document("query($v: ID!) { frameworkVersion(id: $v) { competencies { id } } }")
                .variable("v", version)
                .execute()
                .path("frameworkVersion.competencies[0].id")
                .entity(String.class)
                .get();
        String mentor = tenant.token("bench-mentor");
        String mentorId = assigned(admin, mentor, version);
        graphQl(admin)
                .document("mutation($p: ID!) { setMentorCapacity(input: {personId: $p, capacity: 10}) { mentorLoad {"
                        + " capacity } } }")
                .variable("p", mentorId)
                .execute()
                .path("setMentorCapacity.mentorLoad.capacity")
                .hasValue();
        for (int i = 0; i < 50; i++) {
            graphQl(mentor)
                    .document(
                            "mutation($c: ID!, $d: Date!) { logEvidence(input: {competencyIds: [$c], kind: CODE_REVIEW,"
                                    + " title: \"Review\", occurredOn: $d}) { evidence { id } } }")
                    .variable("c", competency)
                    .variable("d", java.time.LocalDate.now().toString())
                    .execute()
                    .path("logEvidence.evidence.id")
                    .hasValue();
        }
        for (int i = 0; i < 10; i++) {
            String menteeId = assigned(admin, tenant.token("bench-mentee-" + i), version);
            String pairing = graphQl(admin)
                    .document("mutation($m: ID!, $e: ID!, $c: ID!) { proposeMentorship(input: {mentorId: $m, menteeId:"
                            + " $e, focusCompetencyIds: [$c]}) { mentorship { id } } }")
                    .variable("m", mentorId)
                    .variable("e", menteeId)
                    .variable("c", competency)
                    .execute()
                    .path("proposeMentorship.mentorship.id")
                    .entity(String.class)
                    .get();
            graphQl(mentor)
                    .document(
                            "mutation($id: ID!) { acceptMentorship(input: {id: $id, expectedVersion: 1}) { mentorship {"
                                    + " id } } }")
                    .variable("id", pairing)
                    .execute()
                    .path("acceptMentorship.mentorship.id")
                    .hasValue();
            graphQl(mentor)
                    .document("mutation($m: ID!, $d: Date!) { logMentoringSession(input: {mentorshipId: $m, heldOn: $d,"
                            + " durationMinutes: 45, sharedNotes: \"n\", privateNote: \"p\", actions: [\"a\", \"b\"]})"
                            + " { session { id } } }")
                    .variable("m", pairing)
                    .variable("d", java.time.LocalDate.now().toString())
                    .execute()
                    .path("logMentoringSession.session.id")
                    .hasValue();
        }
        return mentor;
    }

    private String assigned(String admin, String token, String version) {
        String id = personOf(token);
        graphQl(admin)
                .document(
                        "mutation($p: ID!, $v: ID!) { assignFramework(input: {personId: $p, versionId: $v, currentLevel:"
                                + " \"L4\"}) { assignment { assignedAt } } }")
                .variable("p", id)
                .variable("v", version)
                .execute()
                .path("assignFramework.assignment.assignedAt")
                .hasValue();
        return id;
    }

    private String run(String name, String token, String query) throws Exception {
        return run(name, token, query, Map.of());
    }

    private String run(String name, String token, String query, Map<String, Object> variables) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("query", query, "variables", variables))))
                .build();
        load(request, WARM_UP);
        sqlStatements.reset();
        send(request);
        int statements = sqlStatements.count();
        List<Long> latencies = load(request, MEASURE);
        Collections.sort(latencies);
        double perSecond = latencies.size() / (double) MEASURE.toSeconds();
        return "| %s | %.0f | %.1f | %.1f | %.1f | %.1f | %d |"
                .formatted(
                        name,
                        perSecond,
                        millis(percentile(latencies, 0.50)),
                        millis(percentile(latencies, 0.95)),
                        millis(percentile(latencies, 0.99)),
                        millis(latencies.getLast()),
                        statements);
    }

    private List<Long> load(HttpRequest request, Duration duration) throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger sent = new AtomicInteger();
        Instant end = Instant.now().plus(duration);
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < CONCURRENCY; w++) {
                workers.submit(() -> {
                    while (Instant.now().isBefore(end) && sent.incrementAndGet() < MAX_REQUESTS) {
                        long start = System.nanoTime();
                        send(request);
                        latencies.add(System.nanoTime() - start);
                    }
                    return null;
                });
            }
        }
        return new ArrayList<>(latencies);
    }

    private void send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
            throw new IllegalStateException(
                    "Benchmark request failed: " + response.statusCode() + " " + response.body());
        }
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
