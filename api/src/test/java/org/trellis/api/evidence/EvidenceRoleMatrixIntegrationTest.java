package org.trellis.api.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trellis.api.support.IntegrationTest;
import org.trellis.api.support.RoleMatrix;
import org.trellis.api.support.RoleMatrix.Operation;
import org.trellis.api.support.RoleMatrix.Outcome;

/** Every evidence operation as every kind of caller, against the engineer's evidence. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceRoleMatrixIntegrationTest extends IntegrationTest {

    enum Caller {
        ADMIN,
        MANAGER,
        OWNER,
        COLLEAGUE,
        CLIENT_READ,
        CLIENT_WRITE,
        PLATFORM,
        OTHER_TENANT_ADMIN
    }

    /** The owner, a fresh draft and a fresh submitted item of theirs. */
    record Targets(String owner, String competency, String draft, String submitted) {}

    private static final String TRANSITION =
            "mutation($id: ID!) { %s(input: {id: $id, expectedVersion: %d, comment: \"c\"}) { evidence { id } } }";

    private static final Operation<Targets> LIST = op(
            "evidence",
            "query($p: ID!) { evidence(personId: $p, first: 5) { edges { node { id } } } }",
            t -> Map.of("p", t.owner()));
    private static final Operation<Targets> NODE =
            op("node(Evidence)", "query($id: ID!) { node(id: $id) { id } }", t -> Map.of("id", t.draft()));
    private static final Operation<Targets> QUEUE =
            op("reviewQueue", "{ reviewQueue(first: 5) { edges { cursor } } }", t -> Map.of());
    private static final Operation<Targets> LOG = op(
            "logEvidence",
            "mutation($p: ID!, $c: ID!, $d: Date!) { logEvidence(input: {personId: $p, competencyIds: [$c], kind: OTHER,"
                    + " title: \"t\", occurredOn: $d}) { evidence { id } } }",
            t -> Map.of(
                    "p", t.owner(), "c", t.competency(), "d", LocalDate.now().toString()));
    private static final Operation<Targets> UPDATE = op(
            "updateEvidence",
            "mutation($id: ID!, $c: ID!, $d: Date!) { updateEvidence(input: {id: $id, expectedVersion: 1, competencyIds: [$c],"
                    + " kind: OTHER, title: \"u\", occurredOn: $d}) { evidence { id } } }",
            t -> Map.of(
                    "id", t.draft(), "c", t.competency(), "d", LocalDate.now().toString()));
    private static final Operation<Targets> SUBMIT =
            op("submitEvidence", TRANSITION.formatted("submitEvidence", 1), t -> Map.of("id", t.draft()));
    private static final Operation<Targets> WITHDRAW =
            op("withdrawEvidence", TRANSITION.formatted("withdrawEvidence", 1), t -> Map.of("id", t.draft()));
    private static final Operation<Targets> ENDORSE =
            op("endorseEvidence", TRANSITION.formatted("endorseEvidence", 2), t -> Map.of("id", t.submitted()));
    private static final Operation<Targets> CHANGES = op(
            "requestEvidenceChanges",
            TRANSITION.formatted("requestEvidenceChanges", 2),
            t -> Map.of("id", t.submitted()));
    private static final Operation<Targets> REJECT =
            op("rejectEvidence", TRANSITION.formatted("rejectEvidence", 2), t -> Map.of("id", t.submitted()));

    private Map<Caller, String> tokens;
    private String owner;
    private String competency;

    @BeforeAll
    void organisation() {
        TestTenant tenant = newTenant("evidence-matrix");
        String admin = tenant.admin();
        String version = seniorRoleTemplate(admin);
        competency = graphQl(admin)
                .document("query($v: ID!) { frameworkVersion(id: $v) { competencies { id } } }")
                .variable("v", version)
                .execute()
                .path("frameworkVersion.competencies[0].id")
                .entity(String.class)
                .get();
        String manager = tenant.token("boss", "managers");
        String ownerToken = tenant.token("owner");
        String managerId = personOf(manager);
        owner = personOf(ownerToken);
        graphQl(admin)
                .document(
                        "mutation($p: ID!, $m: ID) { setManager(input: {personId: $p, managerId: $m}) { person { id } } }")
                .variable("p", owner)
                .variable("m", managerId)
                .execute()
                .path("setManager.person.id")
                .hasValue();
        graphQl(admin)
                .document(
                        "mutation($p: ID!, $v: ID!) { assignFramework(input: {personId: $p, versionId: $v, currentLevel: \"L3\"})"
                                + " { assignment { assignedAt } } }")
                .variable("p", owner)
                .variable("v", version)
                .execute()
                .path("assignFramework.assignment.assignedAt")
                .hasValue();
        registerServiceClient(admin, tenant.providerId(), "ev-reader", List.of("evidence:read"));
        registerServiceClient(admin, tenant.providerId(), "ev-writer", List.of("evidence:write"));
        tokens = Map.of(
                Caller.ADMIN, admin,
                Caller.MANAGER, manager,
                Caller.OWNER, ownerToken,
                Caller.COLLEAGUE, tenant.token("colleague"),
                Caller.CLIENT_READ,
                        tenant.issuer().token(tenant.audience(), "ev-reader", c -> c.claim("scope", "evidence:read")),
                Caller.CLIENT_WRITE,
                        tenant.issuer().token(tenant.audience(), "ev-writer", c -> c.claim("scope", "evidence:write")),
                Caller.PLATFORM, platformToken(),
                Caller.OTHER_TENANT_ADMIN, newTenant("evidence-matrix-other").admin());
    }

    //                            ADMIN MANAGER OWNER COLLEAGUE C_READ C_WRITE PLATFORM OTHER_ADMIN
    static Stream<Arguments> matrix() {
        return Stream.of(
                        row(LIST, "A A A F A F F N"),
                        row(NODE, "A A A N A N N N"),
                        row(QUEUE, "A A A A A A F A"),
                        row(LOG, "F A A F F A F N"),
                        row(UPDATE, "F F A N F N N N"),
                        row(SUBMIT, "F F A N F N N N"),
                        row(WITHDRAW, "F F A N F N N N"),
                        row(ENDORSE, "F A F N F N N N"),
                        row(CHANGES, "F A F N F N N N"),
                        row(REJECT, "F A F N F N N N"))
                .flatMap(Function.identity());
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("matrix")
    void enforcesTheAuthorizationPolicy(Operation<Targets> operation, Caller caller, Outcome expected) {
        assertThat(operation.run(graphQl(tokens.get(caller)), freshTargets()))
                .as(operation + " as " + caller)
                .isEqualTo(expected);
    }

    /**
     * Batch import answers per item, so the item's outcome is the verdict: created for those who may log for the
     * person, refused per item for those who may not (the batch itself succeeds), and FORBIDDEN for platform operators.
     */
    static Stream<Arguments> imports() {
        return Stream.of(
                Arguments.of(Caller.ADMIN, "FAILED"),
                Arguments.of(Caller.MANAGER, "CREATED"),
                Arguments.of(Caller.OWNER, "CREATED"),
                Arguments.of(Caller.COLLEAGUE, "FAILED"),
                Arguments.of(Caller.CLIENT_READ, "FAILED"),
                Arguments.of(Caller.CLIENT_WRITE, "CREATED"),
                Arguments.of(Caller.PLATFORM, "FORBIDDEN"),
                Arguments.of(Caller.OTHER_TENANT_ADMIN, "FAILED"));
    }

    @ParameterizedTest(name = "importEvidence as {0}: {1}")
    @MethodSource("imports")
    void importsOnlyForThoseWhoMayLogForThePerson(Caller caller, String expected) {
        var response = graphQl(tokens.get(caller))
                .document(
                        "mutation($p: ID!, $c: ID!, $d: Date!, $x: String!) { importEvidence(input: {items: [{externalId:"
                                + " $x, personId: $p, competencyIds: [$c], kind: OTHER, title: \"t\", occurredOn: $d}]}) {"
                                + " results { outcome } } }")
                .variable("p", owner)
                .variable("c", competency)
                .variable("d", LocalDate.now().toString())
                .variable("x", "matrix-" + java.util.UUID.randomUUID())
                .execute();
        java.util.List<org.springframework.graphql.ResponseError> errors = new java.util.ArrayList<>();
        response.errors().satisfy(errors::addAll);
        String outcome = errors.isEmpty()
                ? response.path("importEvidence.results[0].outcome")
                        .entity(String.class)
                        .get()
                : String.valueOf(errors.getFirst().getExtensions().get("classification"));
        assertThat(outcome).as("importEvidence as " + caller).isEqualTo(expected);
    }

    private Targets freshTargets() {
        String draft = logAsOwner();
        String submitted = logAsOwner();
        graphQl(tokens.get(Caller.OWNER))
                .document(TRANSITION.formatted("submitEvidence", 1))
                .variable("id", submitted)
                .execute()
                .path("submitEvidence.evidence.id")
                .hasValue();
        return new Targets(owner, competency, draft, submitted);
    }

    private String logAsOwner() {
        return graphQl(tokens.get(Caller.OWNER))
                .document(
                        "mutation($c: ID!, $d: Date!) { logEvidence(input: {competencyIds: [$c], kind: OTHER, title: \"t\","
                                + " occurredOn: $d}) { evidence { id } } }")
                .variable("c", competency)
                .variable("d", LocalDate.now().toString())
                .execute()
                .path("logEvidence.evidence.id")
                .entity(String.class)
                .get();
    }

    private static Stream<Arguments> row(Operation<Targets> operation, String outcomes) {
        return RoleMatrix.row(operation, Caller.values(), outcomes);
    }

    private static Operation<Targets> op(
            String name, String document, Function<Targets, Map<String, Object>> variables) {
        return RoleMatrix.op(name, document, variables);
    }
}
