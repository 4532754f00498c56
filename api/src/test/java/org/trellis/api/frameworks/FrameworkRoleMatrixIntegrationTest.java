package org.trellis.api.frameworks;

import java.util.EnumMap;
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
import org.trellis.api.support.RoleMatrix.Judge;
import org.trellis.api.support.RoleMatrix.Operation;
import org.trellis.api.support.RoleMatrix.Outcome;

/**
 * Every framework operation as every kind of caller. The owner is the person a case assigns a framework to; they
 * report to the manager; the colleague is unrelated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrameworkRoleMatrixIntegrationTest extends IntegrationTest {

    enum Caller {
        ADMIN,
        MANAGER,
        OWNER,
        COLLEAGUE,
        CLIENT_READ,
        CLIENT_WRITE,
        CLIENT_OTHER_SCOPE,
        PLATFORM,
        OTHER_TENANT_ADMIN
    }

    /**
     * A fresh tenant-owned framework (named {@code name}) with published version 1 and draft version 2 (whose
     * mentoring/L4 expectation differs), another published framework ("lone"), a document for a new framework, the
     * draft's own content, and the owner.
     */
    record Targets(
            String name,
            String published,
            String draft,
            String person,
            String ownerToken,
            String yaml,
            String yamlName,
            String lone,
            String draftContent) {}

    private static final String RULE =
            "rule: {minEndorsedEvidence: 1, recencyMonths: 1, minDistinctKinds: 1," + " required: true}";

    private static final Operation<Targets> FRAMEWORKS = op("frameworks", "{ frameworks { name } }", t -> Map.of())
            .expecting(answer -> {
                if (answer.caller() == Caller.OTHER_TENANT_ADMIN) {
                    answer.excludes("frameworks.name", answer.targets().name());
                } else {
                    answer.includes("frameworks.name", answer.targets().name());
                }
            });
    private static final Operation<Targets> VERSION = op(
                    "frameworkVersion",
                    "query($id: ID!) { frameworkVersion(id: $id) { id status framework { name } } }",
                    t -> Map.of("id", t.published()))
            .returning("frameworkVersion.id", Targets::published)
            .returning("frameworkVersion.framework.name", Targets::name)
            .expecting(answer -> answer.has("frameworkVersion.status", "PUBLISHED"));
    private static final Operation<Targets> EXPORT = op(
                    "exportFrameworkVersion",
                    "query($id: ID!) { exportFrameworkVersion(id: $id) }",
                    t -> Map.of("id", t.published()))
            .expecting(answer -> org.assertj.core.api.Assertions.assertThat(
                            String.valueOf(answer.value("exportFrameworkVersion")))
                    .as(answer.describe())
                    .contains(answer.targets().name()));
    private static final Operation<Targets> DIFF = op(
                    "frameworkVersionDiff",
                    "query($f: ID!, $t: ID!) { frameworkVersionDiff(fromVersionId: $f, toVersionId: $t) { addedLevels"
                            + " removedCompetencies changedExpectations { competencyKey levelCode kind } } }",
                    t -> Map.of("f", t.published(), "t", t.draft()))
            .expecting(answer -> {
                answer.exactly("frameworkVersionDiff.addedLevels", List.of());
                answer.exactly("frameworkVersionDiff.removedCompetencies", List.of());
                answer.exactly("frameworkVersionDiff.changedExpectations.competencyKey", List.of("mentoring"));
                answer.exactly("frameworkVersionDiff.changedExpectations.levelCode", List.of("L4"));
                answer.exactly("frameworkVersionDiff.changedExpectations.kind", List.of("CHANGED"));
            });
    private static final Operation<Targets> INSTANTIATE = op(
                    "instantiateSeniorRoleTemplate",
                    "mutation { instantiateSeniorRoleTemplate { frameworkVersion { id status } userErrors { code } } }",
                    t -> Map.of())
            .expecting(answer -> answer.has("instantiateSeniorRoleTemplate.frameworkVersion.status", "PUBLISHED"));
    private static final Operation<Targets> IMPORT = op(
                    "importFramework",
                    "mutation($y: String!) { importFramework(input: {content: $y}) { frameworkVersion { id status"
                            + " framework { name } } userErrors { code } } }",
                    t -> Map.of("y", t.yaml()))
            .returning("importFramework.frameworkVersion.framework.name", Targets::yamlName)
            .expecting(answer -> answer.has("importFramework.frameworkVersion.status", "DRAFT"));
    private static final Operation<Targets> DRAFT = op(
                    "createFrameworkDraft",
                    "mutation($id: ID!) { createFrameworkDraft(input: {fromVersionId: $id}) { frameworkVersion { id"
                            + " number status } userErrors { code } } }",
                    t -> Map.of("id", t.lone()))
            .expecting(answer -> {
                answer.has("createFrameworkDraft.frameworkVersion.number", 2);
                answer.has("createFrameworkDraft.frameworkVersion.status", "DRAFT");
            });
    private static final Operation<Targets> UPDATE = op(
                    "updateExpectation",
                    "mutation($id: ID!) { updateExpectation(input: {versionId: $id, competencyKey: \"mentoring\","
                            + " levelCode: \"L4\", description: \"x\", " + RULE + "}) { frameworkVersion { id"
                            + " competencies { key expectations { level { code } description } } } userErrors { code"
                            + " } } }",
                    t -> Map.of("id", t.draft()))
            .returning("updateExpectation.frameworkVersion.id", Targets::draft)
            .expecting(answer ->
                    answer.includes("updateExpectation.frameworkVersion.competencies.expectations.description", "x"));
    private static final Operation<Targets> REPLACE = op(
                    "replaceFrameworkDraft",
                    "mutation($id: ID!, $c: String!) { replaceFrameworkDraft(input: {versionId: $id, content: $c}) {"
                            + " frameworkVersion { id status } userErrors { code } } }",
                    t -> Map.of("id", t.draft(), "c", t.draftContent()))
            .returning("replaceFrameworkDraft.frameworkVersion.id", Targets::draft)
            .expecting(answer -> answer.has("replaceFrameworkDraft.frameworkVersion.status", "DRAFT"));
    private static final Operation<Targets> PUBLISH = op(
                    "publishFrameworkVersion",
                    "mutation($id: ID!) { publishFrameworkVersion(input: {id: $id}) { frameworkVersion { id status }"
                            + " userErrors { code } } }",
                    t -> Map.of("id", t.draft()))
            .returning("publishFrameworkVersion.frameworkVersion.id", Targets::draft)
            .expecting(answer -> answer.has("publishFrameworkVersion.frameworkVersion.status", "PUBLISHED"));
    private static final Operation<Targets> RETIRE = op(
                    "retireFrameworkVersion",
                    "mutation($id: ID!) { retireFrameworkVersion(input: {id: $id}) { frameworkVersion { id status }"
                            + " userErrors { code } } }",
                    t -> Map.of("id", t.published()))
            .returning("retireFrameworkVersion.frameworkVersion.id", Targets::published)
            .expecting(answer -> answer.has("retireFrameworkVersion.frameworkVersion.status", "RETIRED"));
    private static final Operation<Targets> ASSIGN = op(
                    "assignFramework",
                    "mutation($p: ID!, $v: ID!) { assignFramework(input: {personId: $p, versionId: $v, currentLevel:"
                            + " \"L3\"}) { assignment { version { id } currentLevel { code } } userErrors { code } } }",
                    t -> Map.of("p", t.person(), "v", t.published()))
            .returning("assignFramework.assignment.version.id", Targets::published)
            .expecting(answer -> answer.has("assignFramework.assignment.currentLevel.code", "L3"));

    private TestTenant tenant;
    private String managerId;
    private Map<Caller, String> tokens;
    private Judge<Targets> judge;
    private int sequence;

    @BeforeAll
    void callers() {
        tenant = newTenant("framework-matrix");
        TestTenant other = newTenant("framework-matrix-other");
        String admin = tenant.admin();
        registerServiceClient(admin, tenant.providerId(), "fw-reader", List.of("frameworks:read"));
        registerServiceClient(
                admin, tenant.providerId(), "fw-writer", List.of("frameworks:read", "people:write", "evidence:write"));
        registerServiceClient(admin, tenant.providerId(), "fw-other", List.of("people:read"));
        tokens = new EnumMap<>(Map.of(
                Caller.ADMIN, admin,
                Caller.MANAGER, tenant.manager(),
                Caller.COLLEAGUE, tenant.engineer(),
                Caller.CLIENT_READ, tenant.clientToken("fw-reader", "frameworks:read"),
                Caller.CLIENT_WRITE, tenant.clientToken("fw-writer", "frameworks:read people:write evidence:write"),
                Caller.CLIENT_OTHER_SCOPE, tenant.clientToken("fw-other", "people:read"),
                Caller.PLATFORM, platformToken(),
                Caller.OTHER_TENANT_ADMIN, other.admin()));
        signIn(tokens.values());
        managerId = personOf(tenant.manager());
        judge = new Judge<>(this::state, () -> auditEventCount(tenant.uuid()));
    }

    //                                   ADMIN MANAGER OWNER COLLEAGUE C_READ C_WRITE C_OTHER PLATFORM OTHER_ADMIN
    static Stream<Arguments> matrix() {
        return Stream.of(
                        row(FRAMEWORKS, "A A A A A A F F A"),
                        row(VERSION, "A A A A A A F F N"),
                        row(EXPORT, "A A A A A A F F N"),
                        row(DIFF, "A A A A A A F F N"),
                        row(INSTANTIATE, "A F F F F F F F A"),
                        row(IMPORT, "A F F F F F F F A"),
                        row(DRAFT, "A F F F F F F F N"),
                        row(UPDATE, "A F F F F F F F N"),
                        row(REPLACE, "A F F F F F F F N"),
                        row(PUBLISH, "A F F F F F F F N"),
                        row(RETIRE, "A F F F F F F F N"),
                        row(ASSIGN, "A F F F F F F F N"))
                .flatMap(Function.identity());
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("matrix")
    void enforcesTheAuthorizationPolicy(Operation<Targets> operation, Caller caller, Outcome expected) {
        Targets targets = freshTargets();
        String token = caller == Caller.OWNER ? targets.ownerToken() : tokens.get(caller);
        judge.judge(operation, caller, expected, graphQl(token), targets);
    }

    /** What the matrix's operations could change, re-read as the admin. */
    private Object state(Targets t) {
        return graphQl(tenant.admin())
                .document("query($p: ID!, $d: ID!, $l: ID!, $person: ID!) {"
                        + " published: frameworkVersion(id: $p) { status }"
                        + " draft: frameworkVersion(id: $d) { status levels { code title } competencies { key"
                        + " expectations { level { code } description rule { minEndorsedEvidence recencyMonths } } } }"
                        + " lone: frameworkVersion(id: $l) { status framework { versions { id status } } }"
                        + " person(id: $person) { frameworkAssignment { version { id } currentLevel { code } } } }")
                .variable("p", t.published())
                .variable("d", t.draft())
                .variable("l", t.lone())
                .variable("person", t.person())
                .execute()
                .returnResponse()
                .getData();
    }

    /** Each case gets its own framework (named uniquely), published version 1 and draft version 2. */
    private Targets freshTargets() {
        String matrixName = "Matrix " + (++sequence);
        String yaml = FrameworkService.template().replace("Software Engineering", matrixName);
        String published = admin(
                "mutation($y: String!) { importFramework(input: {content: $y}) { frameworkVersion { id } } }",
                Map.of("y", yaml),
                "importFramework.frameworkVersion.id");
        publish(published);
        String draft = admin(
                "mutation($id: ID!) { createFrameworkDraft(input: {fromVersionId: $id}) { frameworkVersion { id } } }",
                Map.of("id", published),
                "createFrameworkDraft.frameworkVersion.id");
        admin(
                "mutation($id: ID!) { updateExpectation(input: {versionId: $id, competencyKey: \"mentoring\","
                        + " levelCode: \"L4\", description: \"fresh\", " + RULE + "}) { frameworkVersion { id } } }",
                Map.of("id", draft),
                "updateExpectation.frameworkVersion.id");
        String subject = "owner-" + sequence;
        String ownerToken = tenant.token(subject);
        String person = personOf(ownerToken);
        admin(
                "mutation($p: ID!, $m: ID) { setManager(input: {personId: $p, managerId: $m}) { person { id } } }",
                Map.of("p", person, "m", managerId),
                "setManager.person.id");
        String yamlName = "Imported " + (++sequence);
        String next = FrameworkService.template().replace("Software Engineering", yamlName);
        String lone = admin(
                "mutation($y: String!) { importFramework(input: {content: $y}) { frameworkVersion { id } } }",
                Map.of("y", FrameworkService.template().replace("Software Engineering", "Lone " + (++sequence))),
                "importFramework.frameworkVersion.id");
        publish(lone);
        return new Targets(matrixName, published, draft, person, ownerToken, next, yamlName, lone, yaml);
    }

    private void publish(String version) {
        admin(
                "mutation($id: ID!) { publishFrameworkVersion(input: {id: $id}) { frameworkVersion { id } } }",
                Map.of("id", version),
                "publishFrameworkVersion.frameworkVersion.id");
    }

    private String admin(String document, Map<String, Object> variables, String path) {
        var request = graphQl(tenant.admin()).document(document);
        for (var variable : variables.entrySet()) {
            request = request.variable(variable.getKey(), variable.getValue());
        }
        return request.execute().path(path).entity(String.class).get();
    }

    private static Stream<Arguments> row(Operation<Targets> operation, String outcomes) {
        return RoleMatrix.row(operation, Caller.values(), outcomes);
    }

    private static Operation<Targets> op(
            String name, String document, Function<Targets, Map<String, Object>> variables) {
        return RoleMatrix.op(name, document, variables);
    }
}
