package org.trellis.api.frameworks;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Every framework operation as every kind of caller. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrameworkRoleMatrixIntegrationTest extends IntegrationTest {

    enum Caller {
        ADMIN,
        MANAGER,
        ENGINEER,
        CLIENT_READ,
        CLIENT_OTHER_SCOPE,
        PLATFORM,
        OTHER_TENANT_ADMIN
    }

    /** A fresh tenant-owned published version, draft and person per case. */
    record Targets(String published, String draft, String person, String yaml, String lone, String draftContent) {}

    private static final Operation<Targets> FRAMEWORKS = op("frameworks", "{ frameworks { name } }", t -> Map.of());
    private static final Operation<Targets> VERSION = op(
            "frameworkVersion",
            "query($id: ID!) { frameworkVersion(id: $id) { number } }",
            t -> Map.of("id", t.published()));
    private static final Operation<Targets> EXPORT = op(
            "exportFrameworkVersion",
            "query($id: ID!) { exportFrameworkVersion(id: $id) }",
            t -> Map.of("id", t.published()));
    private static final Operation<Targets> INSTANTIATE = op(
            "instantiateSeniorRoleTemplate",
            "mutation { instantiateSeniorRoleTemplate { frameworkVersion { id } } }",
            t -> Map.of());
    private static final Operation<Targets> IMPORT = op(
            "importFramework",
            "mutation($y: String!) { importFramework(input: {content: $y}) { frameworkVersion { id } } }",
            t -> Map.of("y", t.yaml()));
    private static final Operation<Targets> DRAFT = op(
            "createFrameworkDraft",
            "mutation($id: ID!) { createFrameworkDraft(input: {fromVersionId: $id}) { frameworkVersion { id } } }",
            t -> Map.of("id", t.lone()));
    private static final Operation<Targets> UPDATE = op(
            "updateExpectation",
            "mutation($id: ID!) { updateExpectation(input: {versionId: $id, competencyKey: \"mentoring\", levelCode: \"L4\","
                    + " description: \"x\", rule: {minEndorsedEvidence: 1, recencyMonths: 1, minDistinctKinds: 1,"
                    + " required: true}}) { frameworkVersion { id } } }",
            t -> Map.of("id", t.draft()));
    private static final Operation<Targets> REPLACE = op(
            "replaceFrameworkDraft",
            "mutation($id: ID!, $c: String!) { replaceFrameworkDraft(input: {versionId: $id, content: $c}) {"
                    + " frameworkVersion { id } } }",
            t -> Map.of("id", t.draft(), "c", t.draftContent()));
    private static final Operation<Targets> PUBLISH = op(
            "publishFrameworkVersion",
            "mutation($id: ID!) { publishFrameworkVersion(input: {id: $id}) { frameworkVersion { id } } }",
            t -> Map.of("id", t.draft()));
    private static final Operation<Targets> RETIRE = op(
            "retireFrameworkVersion",
            "mutation($id: ID!) { retireFrameworkVersion(input: {id: $id}) { frameworkVersion { id } } }",
            t -> Map.of("id", t.published()));
    private static final Operation<Targets> ASSIGN = op(
            "assignFramework",
            "mutation($p: ID!, $v: ID!) { assignFramework(input: {personId: $p, versionId: $v, currentLevel: \"L3\"}) {"
                    + " assignment { assignedAt } } }",
            t -> Map.of("p", t.person(), "v", t.published()));

    private TestTenant tenant;
    private Map<Caller, String> tokens;
    private int sequence;

    @BeforeAll
    void callers() {
        tenant = newTenant("framework-matrix");
        TestTenant other = newTenant("framework-matrix-other");
        registerServiceClient(tenant.admin(), tenant.providerId(), "fw-reader", List.of("frameworks:read"));
        registerServiceClient(tenant.admin(), tenant.providerId(), "fw-other", List.of("people:read"));
        tokens = Map.of(
                Caller.ADMIN, tenant.admin(),
                Caller.MANAGER, tenant.manager(),
                Caller.ENGINEER, tenant.engineer(),
                Caller.CLIENT_READ,
                        tenant.issuer().token(tenant.audience(), "fw-reader", c -> c.claim("scope", "frameworks:read")),
                Caller.CLIENT_OTHER_SCOPE,
                        tenant.issuer().token(tenant.audience(), "fw-other", c -> c.claim("scope", "people:read")),
                Caller.PLATFORM, platformToken(),
                Caller.OTHER_TENANT_ADMIN, other.admin());
    }

    //                                   ADMIN MANAGER ENGINEER C_READ C_OTHER PLATFORM OTHER_ADMIN
    static Stream<Arguments> matrix() {
        return Stream.of(
                        row(FRAMEWORKS, "A A A A F F A"),
                        row(VERSION, "A A A A F F N"),
                        row(EXPORT, "A A A A F F N"),
                        row(INSTANTIATE, "A F F F F F A"),
                        row(IMPORT, "A F F F F F A"),
                        row(DRAFT, "A F F F F F N"),
                        row(UPDATE, "A F F F F F N"),
                        row(REPLACE, "A F F F F F N"),
                        row(PUBLISH, "A F F F F F N"),
                        row(RETIRE, "A F F F F F N"),
                        row(ASSIGN, "A F F F F F N"))
                .flatMap(Function.identity());
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("matrix")
    void enforcesTheAuthorizationPolicy(Operation<Targets> operation, Caller caller, Outcome expected) {
        assertThat(operation.run(graphQl(tokens.get(caller)), freshTargets()))
                .as(operation + " as " + caller)
                .isEqualTo(expected);
    }

    /** Each case gets its own framework (named uniquely), published version 1 and draft version 2. */
    private Targets freshTargets() {
        String matrixName = "Matrix " + (++sequence);
        String yaml = FrameworkService.template().replace("Software Engineering", matrixName);
        String published = graphQl(tenant.admin())
                .document("mutation($y: String!) { importFramework(input: {content: $y}) { frameworkVersion { id } } }")
                .variable("y", yaml)
                .execute()
                .path("importFramework.frameworkVersion.id")
                .entity(String.class)
                .get();
        graphQl(tenant.admin())
                .document(
                        "mutation($id: ID!) { publishFrameworkVersion(input: {id: $id}) { frameworkVersion { id } } }")
                .variable("id", published)
                .execute()
                .path("publishFrameworkVersion.frameworkVersion.id")
                .hasValue();
        String draft = graphQl(tenant.admin())
                .document(
                        "mutation($id: ID!) { createFrameworkDraft(input: {fromVersionId: $id}) { frameworkVersion { id } } }")
                .variable("id", published)
                .execute()
                .path("createFrameworkDraft.frameworkVersion.id")
                .entity(String.class)
                .get();
        String person = graphQl(tenant.admin())
                .document("mutation { createPerson(input: {displayName: \"Assignee\"}) { person { id } } }")
                .execute()
                .path("createPerson.person.id")
                .entity(String.class)
                .get();
        String next = FrameworkService.template().replace("Software Engineering", "Imported " + (++sequence));
        String lone = graphQl(tenant.admin())
                .document("mutation($y: String!) { importFramework(input: {content: $y}) { frameworkVersion { id } } }")
                .variable("y", FrameworkService.template().replace("Software Engineering", "Lone " + (++sequence)))
                .execute()
                .path("importFramework.frameworkVersion.id")
                .entity(String.class)
                .get();
        graphQl(tenant.admin())
                .document(
                        "mutation($id: ID!) { publishFrameworkVersion(input: {id: $id}) { frameworkVersion { id } } }")
                .variable("id", lone)
                .execute()
                .path("publishFrameworkVersion.frameworkVersion.id")
                .hasValue();
        String draftContent = FrameworkService.template().replace("Software Engineering", matrixName);
        return new Targets(published, draft, person, next, lone, draftContent);
    }

    private static Stream<Arguments> row(Operation<Targets> operation, String outcomes) {
        return RoleMatrix.row(operation, Caller.values(), outcomes);
    }

    private static Operation<Targets> op(
            String name, String document, Function<Targets, Map<String, Object>> variables) {
        return RoleMatrix.op(name, document, variables);
    }
}
