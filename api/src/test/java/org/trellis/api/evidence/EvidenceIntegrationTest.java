package org.trellis.api.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.trellis.api.support.IntegrationTest;

/** Evidence: logged, reviewed by the management chain, never lost to a stale write, never duplicated by a retry. */
class EvidenceIntegrationTest extends IntegrationTest {

    private static final String LOG = "mutation($in: LogEvidenceInput!) { logEvidence(input: $in) {"
            + " evidence { id status version loggedOnBehalf } userErrors { field code message } } }";
    private static final String IMPORT = "mutation($items: [ImportedEvidenceInput!]!) { importEvidence(input: {items:"
            + " $items}) { results { externalId outcome evidence { id description } userErrors { field code message } }"
            + " userErrors { field } } }";
    private static final String STEP = "mutation($in: EvidenceTransitionInput!) { %s(input: $in) {"
            + " evidence { status version reviewComment reviewedBy { displayName } } userErrors { field code } } }";

    private TestTenant tenant;
    private String admin;
    private String managerToken;
    private String engineerToken;
    private String colleagueToken;
    private String engineer;
    private String codeReview;
    private String mentoring;

    @BeforeEach
    void organisation() {
        tenant = newTenant("evidence");
        admin = tenant.admin();
        String version = seniorRoleTemplate(admin);
        managerToken = tenant.token("mia", "managers");
        engineerToken = tenant.token("eli");
        colleagueToken = tenant.token("cam");
        String manager = personOf(managerToken);
        engineer = personOf(engineerToken);
        personOf(colleagueToken);
        graphQl(admin)
                .document(
                        "mutation($p: ID!, $m: ID) { setManager(input: {personId: $p, managerId: $m}) { person { id } } }")
                .variable("p", engineer)
                .variable("m", manager)
                .execute()
                .path("setManager.person.id")
                .hasValue();
        graphQl(admin)
                .document("mutation($p: ID!, $v: ID!) { assignFramework(input: {personId: $p, versionId: $v,"
                        + " currentLevel: \"L3\", targetLevel: \"L4\"}) { assignment { assignedAt } } }")
                .variable("p", engineer)
                .variable("v", version)
                .execute()
                .path("assignFramework.assignment.assignedAt")
                .hasValue();
        var competencies = graphQl(admin)
                .document("query($v: ID!) { frameworkVersion(id: $v) { competencies { id key } } }")
                .variable("v", version)
                .execute();
        List<Map<String, String>> list = competencies
                .path("frameworkVersion.competencies")
                .entityList(mapType())
                .get();
        codeReview = list.stream()
                .filter(c -> c.get("key").equals("code-review"))
                .findFirst()
                .orElseThrow()
                .get("id");
        mentoring = list.stream()
                .filter(c -> c.get("key").equals("mentoring"))
                .findFirst()
                .orElseThrow()
                .get("id");
    }

    @Test
    void goesFromDraftThroughChangesToEndorsedByTheManager() {
        Map<String, Object> logged = log(engineerToken, input(Map.of()));
        String id = (String) logged.get("id");
        assertThat(logged).containsEntry("status", "DRAFT").containsEntry("loggedOnBehalf", false);
        step(engineerToken, "submitEvidence", id, 1, null)
                .path("submitEvidence.evidence.status")
                .entity(String.class)
                .isEqualTo("SUBMITTED");
        graphQl(managerToken)
                .document("{ reviewQueue(first: 10) { edges { node { id title } } } }")
                .execute()
                .path("reviewQueue.edges[*].node.id")
                .entityList(String.class)
                .containsExactly(id);
        step(managerToken, "requestEvidenceChanges", id, 2, null)
                .path("requestEvidenceChanges.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("input", "comment");
        step(managerToken, "requestEvidenceChanges", id, 2, "Link the PR, please.")
                .path("requestEvidenceChanges.evidence.status")
                .entity(String.class)
                .isEqualTo("CHANGES_REQUESTED");
        update(engineerToken, id, 3, input(Map.of("links", List.of("https://github.com/acme/api/pull/42"))))
                .path("updateEvidence.evidence.version")
                .entity(Integer.class)
                .isEqualTo(4);
        step(engineerToken, "submitEvidence", id, 4, null)
                .path("submitEvidence.evidence.status")
                .entity(String.class)
                .isEqualTo("SUBMITTED");
        expectError(step(engineerToken, "endorseEvidence", id, 5, null), "FORBIDDEN");
        step(managerToken, "endorseEvidence", id, 5, "Great review.")
                .path("endorseEvidence.evidence.status")
                .entity(String.class)
                .isEqualTo("ENDORSED")
                .path("endorseEvidence.evidence.reviewedBy.displayName")
                .entity(String.class)
                .isEqualTo("mia");
        expectUserError(step(managerToken, "endorseEvidence", id, 6, null), "endorseEvidence", "CONFLICT");
        expectUserError(step(engineerToken, "withdrawEvidence", id, 6, null), "withdrawEvidence", "CONFLICT");
        expectError(step(engineerToken, "rejectEvidence", id, 6, "no"), "FORBIDDEN");
    }

    @Test
    void isVisibleOnlyToThePersonTheirManagersAndAdmins() {
        String id = (String) log(engineerToken, input(Map.of())).get("id");
        String list =
                "query($p: ID!) { evidence(personId: $p, first: 10) { edges { node { id title competencies { key } } } } }";
        for (String allowed : List.of(engineerToken, managerToken, admin)) {
            graphQl(allowed)
                    .document(list)
                    .variable("p", engineer)
                    .execute()
                    .path("evidence.edges[0].node.competencies[0].key")
                    .entity(String.class)
                    .isEqualTo("code-review");
        }
        expectError(
                graphQl(colleagueToken).document(list).variable("p", engineer).execute(), "FORBIDDEN");
        expectError(
                graphQl(colleagueToken)
                        .document("query($id: ID!) { node(id: $id) { id } }")
                        .variable("id", id)
                        .execute(),
                "NOT_FOUND");
    }

    @Test
    void managersAndScopedClientsLogOnBehalfOthersDoNot() {
        assertThat(log(managerToken, input(Map.of("personId", engineer)))).containsEntry("loggedOnBehalf", true);
        expectError(
                graphQl(colleagueToken)
                        .document(LOG)
                        .variable("in", input(Map.of("personId", engineer)))
                        .execute(),
                "FORBIDDEN");
        registerServiceClient(admin, tenant.providerId(), "importer", List.of("evidence:write"));
        String client = tenant.issuer().token(tenant.audience(), "importer", c -> c.claim("scope", "evidence:write"));
        assertThat(log(client, input(Map.of("personId", engineer)))).containsEntry("loggedOnBehalf", true);
    }

    @Test
    void refusesStaleWritesAndLetsExactlyOneOfTwoConcurrentWritersWin() throws Exception {
        String id = (String) log(engineerToken, input(Map.of())).get("id");
        update(engineerToken, id, 1, input(Map.of("title", "First")))
                .path("updateEvidence.evidence.version")
                .entity(Integer.class)
                .isEqualTo(2);
        expectUserError(update(engineerToken, id, 1, input(Map.of("title", "Stale"))), "updateEvidence", "STALE");
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<String>> writers = new ArrayList<>();
        for (String title : List.of("Writer A", "Writer B")) {
            writers.add(() -> {
                start.await();
                List<String> codes = update(engineerToken, id, 2, input(Map.of("title", title)))
                        .path("updateEvidence.userErrors[*].code")
                        .entityList(String.class)
                        .get();
                return codes.isEmpty() ? "won" : codes.getFirst();
            });
        }
        try (var pool = Executors.newFixedThreadPool(2)) {
            var results = writers.stream().map(pool::submit).toList();
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (var result : results) {
                outcomes.add(result.get());
            }
            assertThat(outcomes).containsExactlyInAnyOrder("won", "STALE");
        }
        graphQl(engineerToken)
                .document("query($id: ID!) { node(id: $id) { ... on Evidence { version title } } }")
                .variable("id", id)
                .execute()
                .path("node.version")
                .entity(Integer.class)
                .isEqualTo(3);
    }

    @Test
    void retriesWithAnIdempotencyKeyReturnTheFirstResultAndAnotherRequestIsRefused() {
        Map<String, Object> first = log(engineerToken, input(Map.of("idempotencyKey", "retry-1")));
        Map<String, Object> again = log(engineerToken, input(Map.of("idempotencyKey", "retry-1")));
        assertThat(again.get("id")).isEqualTo(first.get("id"));
        assertThat(count()).isEqualTo(1);
        expectUserError(
                graphQl(engineerToken)
                        .document(LOG)
                        .variable("in", input(Map.of("idempotencyKey", "retry-1", "title", "Other")))
                        .execute(),
                "logEvidence",
                "CONFLICT");
        assertThat(count()).isEqualTo(1);
        expectUserError(
                graphQl(colleagueToken)
                        .document(LOG)
                        .variable("in", input(Map.of("idempotencyKey", "retry-1")))
                        .execute(),
                "logEvidence",
                "CONFLICT");
    }

    @Test
    void rejectsBadInputAndWritesNothing() {
        errors(input(Map.of("title", "x".repeat(201))), "title");
        errors(input(Map.of("description", "x".repeat(20_001))), "description");
        errors(input(Map.of("links", java.util.Collections.nCopies(11, "https://example.com"))), "links");
        errors(input(Map.of("links", List.of("javascript:alert(1)"))), "links");
        errors(input(Map.of("links", List.of("ftp://example.com/file"))), "links");
        errors(input(Map.of("occurredOn", LocalDate.now().plusDays(5).toString())), "occurredOn");
        errors(input(Map.of("competencyIds", List.of())), "competencyIds");
        String otherFramework = graphQl(admin)
                .document(
                        "mutation($y: String!) { importFramework(input: {content: $y}) { frameworkVersion { competencies { id } } } }")
                .variable(
                        "y",
                        "framework:\n  name: Other\nversion:\n  levels:\n    - code: A\n      title: A\n  competencies:\n"
                                + "    - key: x\n      theme: T\n      name: X\n      description: D\n      expectations: []\n")
                .execute()
                .path("importFramework.frameworkVersion.competencies[0].id")
                .entity(String.class)
                .get();
        errors(input(Map.of("competencyIds", List.of(otherFramework))), "competencyIds");
        errorsFor(colleagueToken, input(Map.of()), "competencyIds");
        assertThat(count()).isZero();
    }

    @Test
    void importsBatchesIdempotentlyWithOneResultPerItem() {
        registerServiceClient(admin, tenant.providerId(), "portal", List.of("evidence:write"));
        String portal = tenant.issuer().token(tenant.audience(), "portal", c -> c.claim("scope", "evidence:write"));
        String foreignCompetency = org.trellis.graphql.GlobalId.encode("Competency", java.util.UUID.randomUUID());
        List<Map<String, Object>> items = List.of(
                item("pr-1", Map.of()),
                item("pr-2", Map.of("kind", "DESIGN_DOC")),
                item("pr-3", Map.of("competencyIds", List.of(foreignCompetency))),
                item("pr-1", Map.of()));
        String importDoc = "mutation($items: [ImportedEvidenceInput!]!) { importEvidence(input: {items: $items}) {"
                + " results { externalId outcome evidence { id status source loggedOnBehalf } userErrors { field } } userErrors { field } } }";
        var first = graphQl(portal).document(importDoc).variable("items", items).execute();
        first.path("importEvidence.results[*].outcome")
                .entityList(String.class)
                .containsExactly("CREATED", "CREATED", "FAILED", "FAILED");
        first.path("importEvidence.results[0].evidence.status")
                .entity(String.class)
                .isEqualTo("SUBMITTED");
        first.path("importEvidence.results[0].evidence.source")
                .entity(String.class)
                .isEqualTo("API_IMPORT");
        first.path("importEvidence.results[0].evidence.loggedOnBehalf")
                .entity(Boolean.class)
                .isEqualTo(true);
        first.path("importEvidence.results[2].userErrors[0].field")
                .entityList(String.class)
                .containsExactly("input", "competencyIds");
        String createdId = first.path("importEvidence.results[0].evidence.id")
                .entity(String.class)
                .get();
        var again = graphQl(portal)
                .document(importDoc)
                .variable("items", items.subList(0, 3))
                .execute();
        again.path("importEvidence.results[*].outcome")
                .entityList(String.class)
                .containsExactly("ALREADY_IMPORTED", "ALREADY_IMPORTED", "FAILED");
        again.path("importEvidence.results[0].evidence.id").entity(String.class).isEqualTo(createdId);
        assertThat(count()).isEqualTo(2);
        graphQl(managerToken)
                .document("{ reviewQueue(first: 10) { edges { node { id } } } }")
                .execute()
                .path("reviewQueue.edges")
                .entityList(Object.class)
                .hasSize(2);
        graphQl(portal)
                .document(importDoc)
                .variable("items", java.util.Collections.nCopies(501, item("x", Map.of())))
                .execute()
                .path("importEvidence.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("input", "items");
        graphQl(colleagueToken)
                .document(importDoc)
                .variable("items", List.of(item("col-1", Map.of())))
                .execute()
                .path("importEvidence.results[0].outcome")
                .entity(String.class)
                .isEqualTo("FAILED");
        assertThat(count()).isEqualTo(2);
    }

    /**
     * Issue #10 item 3, as reproduced: Sam (eli) imports hr-2e42e5 with a confidential description; Erin (cam), who
     * is neither his manager nor his mentor, imports the same external id for him. She must get exactly the answer
     * she gets for an id nobody has used, with nothing of his item in it, and nothing may change.
     */
    @Test
    void refusesAnImportForSomeoneElseAlikeWhetherOrNotTheExternalIdExists() {
        var sams = graphQl(engineerToken)
                .document(IMPORT)
                .variable("items", List.of(item("hr-2e42e5", Map.of("description", "CONFIDENTIAL-DESC"))))
                .execute();
        sams.path("importEvidence.results[0].outcome").entity(String.class).isEqualTo("CREATED");
        String samsItem = sams.path("importEvidence.results[0].evidence.id")
                .entity(String.class)
                .get();
        Map<String, Object> before = asAdmin(samsItem);
        int audited = auditedEvidenceChanges();

        String known = importAnswer(colleagueToken, "hr-2e42e5", engineer);
        String unknown = importAnswer(colleagueToken, "hr-never-used", engineer);
        assertThat(known)
                .doesNotContain("CONFIDENTIAL-DESC", samsItem)
                .contains("\"outcome\":\"FAILED\"", "\"evidence\":null");
        assertThat(known.replace("hr-2e42e5", "ID")).isEqualTo(unknown.replace("hr-never-used", "ID"));

        // An id already used for someone else answers alike for everyone: it names neither the person nor the item.
        String erin = personOf(colleagueToken);
        String inUse = importAnswer(colleagueToken, "hr-2e42e5", erin);
        assertThat(inUse)
                .doesNotContain("CONFIDENTIAL-DESC", samsItem, engineer, "eli")
                .contains("\"outcome\":\"FAILED\"", "\"evidence\":null", "This external id is already in use.");

        assertThat(asAdmin(samsItem)).isEqualTo(before);
        assertThat(count()).isEqualTo(1);
        assertThat(countOf(erin)).isZero();
        assertThat(auditedEvidenceChanges()).isEqualTo(audited);

        // Sam's manager may log for him and see his evidence: a re-import is ALREADY_IMPORTED with the item, as before.
        var managers = graphQl(managerToken)
                .document(IMPORT)
                .variable("items", List.of(item("hr-2e42e5", Map.of())))
                .execute();
        managers.path("importEvidence.results[0].outcome").entity(String.class).isEqualTo("ALREADY_IMPORTED");
        managers.path("importEvidence.results[0].evidence.id")
                .entity(String.class)
                .isEqualTo(samsItem);

        // A portal may log for Sam but not read his evidence, and did not log this item: told it is there, not shown
        // it.
        registerServiceClient(admin, tenant.providerId(), "portal-2", List.of("evidence:write"));
        String portal = tenant.issuer().token(tenant.audience(), "portal-2", c -> c.claim("scope", "evidence:write"));
        assertThat(importAnswer(portal, "hr-2e42e5", engineer))
                .doesNotContain("CONFIDENTIAL-DESC", samsItem)
                .contains("\"outcome\":\"ALREADY_IMPORTED\"", "\"evidence\":null");
        assertThat(asAdmin(samsItem)).isEqualTo(before);
        assertThat(count()).isEqualTo(1);
        assertThat(auditedEvidenceChanges()).isEqualTo(audited);
    }

    /** The raw HTTP body answering one import item by {@code token}, for byte-for-byte comparison. */
    private String importAnswer(String token, String externalId, String personId) {
        Map<String, Object> item = item(externalId, Map.of("description", "probe"));
        item.put("personId", personId);
        return new String(
                http().post()
                        .uri("/graphql")
                        .header(org.springframework.http.HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("query", IMPORT, "variables", Map.of("items", List.of(item))))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .returnResult()
                        .getResponseBodyContent(),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private Map<String, Object> asAdmin(String evidenceId) {
        return graphQl(admin)
                .document("query($id: ID!) { node(id: $id) { ... on Evidence { version status title description"
                        + " person { id } } } }")
                .variable("id", evidenceId)
                .execute()
                .path("node")
                .entity(mapObject())
                .get();
    }

    private int auditedEvidenceChanges() {
        return graphQl(admin)
                .document("{ auditEvents(first: 100, filter: {targetType: \"Evidence\"}) { edges { node { id } } } }")
                .execute()
                .path("auditEvents.edges")
                .entityList(Object.class)
                .get()
                .size();
    }

    private Map<String, Object> item(String externalId, Map<String, Object> overrides) {
        Map<String, Object> item = input(overrides);
        item.remove("idempotencyKey");
        item.put("externalId", externalId);
        item.put("personId", engineer);
        return item;
    }

    @Test
    void listsCostAConstantNumberOfStatements() {
        String query =
                "query($p: ID!) { evidence(personId: $p, first: 50) { edges { node { title person { displayName }"
                        + " reviewedBy { displayName } competencies { key } } } } }";
        log(engineerToken, input(Map.of()));
        graphQl(managerToken).document(query).variable("p", engineer).execute();
        sqlStatements.reset();
        graphQl(managerToken)
                .document(query)
                .variable("p", engineer)
                .execute()
                .path("evidence.edges")
                .entityList(Object.class)
                .hasSize(1);
        int one = sqlStatements.count();
        for (int i = 0; i < 7; i++) {
            log(engineerToken, input(Map.of("competencyIds", List.of(codeReview, mentoring))));
        }
        sqlStatements.reset();
        graphQl(managerToken)
                .document(query)
                .variable("p", engineer)
                .execute()
                .path("evidence.edges")
                .entityList(Object.class)
                .hasSize(8);
        assertThat(sqlStatements.count()).isEqualTo(one);
    }

    private Map<String, Object> input(Map<String, Object> overrides) {
        Map<String, Object> input = new HashMap<>();
        input.put("competencyIds", List.of(codeReview));
        input.put("kind", "CODE_REVIEW");
        input.put("title", "Reviewed the billing API change");
        input.put("description", "Caught a **race** in the retry logic.");
        input.put("occurredOn", LocalDate.now().minusDays(2).toString());
        input.put("impact", "TEAM");
        input.putAll(overrides);
        return input;
    }

    private Map<String, Object> log(String token, Map<String, Object> input) {
        return graphQl(token)
                .document(LOG)
                .variable("in", input)
                .execute()
                .path("logEvidence.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("logEvidence.evidence")
                .entity(mapObject())
                .get();
    }

    private GraphQlTester.Response update(String token, String id, int version, Map<String, Object> input) {
        Map<String, Object> update = new HashMap<>(input);
        update.put("id", id);
        update.put("expectedVersion", version);
        return graphQl(token)
                .document(
                        "mutation($in: UpdateEvidenceInput!) { updateEvidence(input: $in) { evidence { version title }"
                                + " userErrors { field code } } }")
                .variable("in", update)
                .execute();
    }

    private GraphQlTester.Response step(String token, String mutation, String id, int version, String comment) {
        Map<String, Object> input = new HashMap<>(Map.of("id", id, "expectedVersion", version));
        if (comment != null) {
            input.put("comment", comment);
        }
        return graphQl(token)
                .document(STEP.formatted(mutation))
                .variable("in", input)
                .execute();
    }

    private void errors(Map<String, Object> input, String field) {
        errorsFor(engineerToken, input, field);
    }

    private void errorsFor(String token, Map<String, Object> input, String field) {
        graphQl(token)
                .document(LOG)
                .variable("in", input)
                .execute()
                .path("logEvidence.evidence")
                .valueIsNull()
                .path("logEvidence.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("input", field);
    }

    private int count() {
        return countOf(engineer);
    }

    private int countOf(String person) {
        return graphQl(admin)
                .document("query($p: ID!) { evidence(personId: $p, first: 100) { edges { node { id } } } }")
                .variable("p", person)
                .execute()
                .path("evidence.edges")
                .entityList(Object.class)
                .get()
                .size();
    }

    /** A conflict: the mutation's one user error has this code, its evidence is null, and there is no error. */
    private static void expectUserError(GraphQlTester.Response response, String mutation, String code) {
        response.errors().verify();
        response.path(mutation + ".evidence").valueIsNull();
        response.path(mutation + ".userErrors[*].code").entityList(String.class).containsExactly(code);
    }

    private static void expectError(GraphQlTester.Response response, String classification) {
        response.errors()
                .expect(error -> classification.equals(error.getExtensions().get("classification")))
                .verify();
    }

    @SuppressWarnings("unchecked")
    private static Class<Map<String, String>> mapType() {
        return (Class<Map<String, String>>) (Class<?>) Map.class;
    }

    @SuppressWarnings("unchecked")
    private static Class<Map<String, Object>> mapObject() {
        return (Class<Map<String, Object>>) (Class<?>) Map.class;
    }
}
