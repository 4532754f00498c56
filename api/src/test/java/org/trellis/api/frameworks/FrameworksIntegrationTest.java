package org.trellis.api.frameworks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.trellis.api.support.IntegrationTest;

/** From nothing to the senior-role framework, exported, copied, edited, published and assigned. */
class FrameworksIntegrationTest extends IntegrationTest {

    private static final String VERSION =
            "query($id: ID!) { frameworkVersion(id: $id) { number status framework { name }"
                    + " levels { code title } competencies { key theme name expectations { level { code } description"
                    + " rule { minEndorsedEvidence recencyMonths minDistinctKinds required } } } } }";

    private TestTenant tenant;
    private String admin;
    private String v1;

    @BeforeEach
    void template() {
        tenant = newTenant("frameworks");
        admin = tenant.admin();
        v1 = graphQl(admin)
                .document(
                        "mutation { instantiateSeniorRoleTemplate { frameworkVersion { id status } userErrors { message } } }")
                .execute()
                .path("instantiateSeniorRoleTemplate.frameworkVersion.status")
                .entity(String.class)
                .isEqualTo("PUBLISHED")
                .path("instantiateSeniorRoleTemplate.frameworkVersion.id")
                .entity(String.class)
                .get();
    }

    @Test
    void instantiatesEveryDutyOfTheSeniorRoleProfileWithThreeLevels() {
        GraphQlTester.Response version =
                graphQl(tenant.engineer()).document(VERSION).variable("id", v1).execute();
        version.path("frameworkVersion.framework.name").entity(String.class).isEqualTo("Software Engineering");
        version.path("frameworkVersion.levels[*].code").entityList(String.class).containsExactly("L3", "L4", "L5");
        version.path("frameworkVersion.competencies[*].key")
                .entityList(String.class)
                .hasSize(14)
                .contains(
                        "code-review",
                        "incident-response",
                        "mentoring",
                        "architecture",
                        "automated-testing",
                        "performance",
                        "documentation",
                        "security",
                        "release-readiness",
                        "observability",
                        "planning",
                        "technical-design",
                        "product-collaboration",
                        "backend-services");
        version.path("frameworkVersion.competencies[0].expectations[*].level.code")
                .entityList(String.class)
                .containsExactly("L3", "L4", "L5");
        version.path("frameworkVersion.competencies[0].expectations[1].rule.required")
                .entity(Boolean.class)
                .isEqualTo(true);
        graphQl(admin)
                .document("mutation { instantiateSeniorRoleTemplate { frameworkVersion { id } userErrors { code } } }")
                .execute()
                .path("instantiateSeniorRoleTemplate.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("ALREADY_EXISTS");
    }

    @Test
    void exportsTheTemplateExactlyAndRoundTripsIt() {
        String exported = export(v1);
        assertThat(exported)
                .isEqualTo(FrameworkDocument.parse(FrameworkService.template()).write());
        String v2 = graphQl(admin)
                .document(
                        "mutation($y: String!) { importFramework(input: {content: $y}) { frameworkVersion { id number status } } }")
                .variable("y", exported)
                .execute()
                .path("importFramework.frameworkVersion.number")
                .entity(Integer.class)
                .isEqualTo(2)
                .path("importFramework.frameworkVersion.id")
                .entity(String.class)
                .get();
        assertThat(export(v2)).isEqualTo(exported);
    }

    @Test
    void editsADraftCopyPublishesItAndKeepsPublishedVersionsImmutable() {
        String update = "mutation($v: ID!) { updateExpectation(input: {versionId: $v, competencyKey: \"code-review\","
                + " levelCode: \"L4\", description: \"Reviews design and risk.\", rule: {minEndorsedEvidence: 5,"
                + " recencyMonths: 6, minDistinctKinds: 2, required: true}}) { frameworkVersion { id } userErrors { field code } }"
                + " }";
        conflict(
                "updateExpectation",
                graphQl(admin).document(update).variable("v", v1).execute());
        String v2 = graphQl(admin)
                .document(
                        "mutation($v: ID!) { createFrameworkDraft(input: {fromVersionId: $v}) { frameworkVersion { id status } } }")
                .variable("v", v1)
                .execute()
                .path("createFrameworkDraft.frameworkVersion.id")
                .entity(String.class)
                .get();
        conflict(
                "createFrameworkDraft",
                graphQl(admin)
                        .document(
                                "mutation($v: ID!) { createFrameworkDraft(input: {fromVersionId: $v}) { frameworkVersion { id }"
                                        + " userErrors { code } } }")
                        .variable("v", v1)
                        .execute());
        graphQl(admin)
                .document(update)
                .variable("v", v2)
                .execute()
                .path("updateExpectation.frameworkVersion.id")
                .entity(String.class)
                .isEqualTo(v2);
        String replace = "mutation($v: ID!, $c: String!) { replaceFrameworkDraft(input: {versionId: $v, content: $c}) {"
                + " frameworkVersion { competencies { key } } userErrors { field code } } }";
        String withoutPlanning = export(v2).replaceAll("(?s)  - key: \"?planning\"?.*?(?=  - key:)", "");
        graphQl(admin)
                .document(replace)
                .variable("v", v2)
                .variable("c", withoutPlanning)
                .execute()
                .path("replaceFrameworkDraft.frameworkVersion.competencies[*].key")
                .entityList(String.class)
                .hasSize(13)
                .satisfies(keys -> assertThat(keys).doesNotContain("planning"));
        conflict(
                "replaceFrameworkDraft",
                graphQl(admin)
                        .document(replace)
                        .variable("v", v1)
                        .variable("c", withoutPlanning)
                        .execute());
        assertThat(export(v2)).contains("Reviews design and risk.").isNotEqualTo(export(v1));
        graphQl(admin)
                .document("query($a: ID!, $b: ID!) { frameworkVersionDiff(fromVersionId: $a, toVersionId: $b) {"
                        + " addedCompetencies changedExpectations { competencyKey levelCode kind ruleChanged } } }")
                .variable("a", v1)
                .variable("b", v2)
                .execute()
                .path("frameworkVersionDiff.addedCompetencies")
                .entityList(String.class)
                .hasSize(0)
                .path("frameworkVersionDiff.changedExpectations[0].competencyKey")
                .entity(String.class)
                .isEqualTo("code-review")
                .path("frameworkVersionDiff.changedExpectations[0].levelCode")
                .entity(String.class)
                .isEqualTo("L4")
                .path("frameworkVersionDiff.changedExpectations[0].ruleChanged")
                .entity(Boolean.class)
                .isEqualTo(true);
        graphQl(admin)
                .document(
                        "mutation($v: ID!) { publishFrameworkVersion(input: {id: $v}) { frameworkVersion { status } } }")
                .variable("v", v2)
                .execute()
                .path("publishFrameworkVersion.frameworkVersion.status")
                .entity(String.class)
                .isEqualTo("PUBLISHED");
        conflict(
                "updateExpectation",
                graphQl(admin).document(update).variable("v", v2).execute());
        graphQl(admin)
                .document(
                        "mutation($v: ID!) { retireFrameworkVersion(input: {id: $v}) { frameworkVersion { status } } }")
                .variable("v", v1)
                .execute()
                .path("retireFrameworkVersion.frameworkVersion.status")
                .entity(String.class)
                .isEqualTo("RETIRED");
        conflict(
                "publishFrameworkVersion",
                graphQl(admin)
                        .document(
                                "mutation($v: ID!) { publishFrameworkVersion(input: {id: $v}) { frameworkVersion { status }"
                                        + " userErrors { code } } }")
                        .variable("v", v1)
                        .execute());
    }

    @Test
    void rejectsMalformedImportsNamingTheFieldAndWritesNothing() {
        int before = versionCount();
        String valid = FrameworkService.template().replace("Software Engineering", "Other Framework");
        importErrors(valid.replaceFirst("level: L4", "level: L9"), "version.competencies[0].expectations[1].level");
        importErrors(
                valid.replaceFirst("key: technical-design", "key: backend-services"), "version.competencies[1].key");
        importErrors(valid.replaceFirst("code: L5", "code: L4"), "version.levels[2].code");
        importErrors(valid.replaceFirst("    theme: \"Delivery\"\n", "\n"), "version.competencies[0].theme");
        importErrors(
                valid.replaceFirst("minEndorsedEvidence: 1", "minEndorsedEvidence: -1"),
                "version.competencies[0].expectations[0].rule.minEndorsedEvidence");
        importErrors("framework: [unclosed", "content");
        importErrors("x".repeat(300 * 1024), "content");
        assertThat(versionCount()).isEqualTo(before);
    }

    @Test
    void importsProgressionFrameworkFrontMatter() {
        String page = """
                ---
                title: "Backend Engineering"
                levels: 2
                topics:
                  - name: "Technical skills"
                    title: "Writes and ships good code"
                    content:
                      - level: 1
                        criteria:
                          - "Writes tested code with guidance"
                        exampleCriteria:
                          - criteria: "Fixes bugs independently"
                            examples:
                              - "Fixed a flaky test"
                      - level: 2
                        criteria:
                          - "Designs small services"
                  - name: "Communication"
                    content:
                      - level: 2
                        criteria:
                          - "Explains trade-offs clearly"
                ---
                # Backend Engineering
                """;
        String version = importAs(page, "PROGRESSION_FRONT_MATTER", null);
        graphQl(admin)
                .document(VERSION)
                .variable("id", version)
                .execute()
                .path("frameworkVersion.framework.name")
                .entity(String.class)
                .isEqualTo("Backend Engineering")
                .path("frameworkVersion.status")
                .entity(String.class)
                .isEqualTo("DRAFT")
                .path("frameworkVersion.levels[*].code")
                .entityList(String.class)
                .containsExactly("L1", "L2")
                .path("frameworkVersion.competencies[*].key")
                .entityList(String.class)
                .containsExactly("technical-skills", "communication")
                .path("frameworkVersion.competencies[0].expectations[0].description")
                .entity(String.class)
                .isEqualTo("Writes tested code with guidance\nFixes bugs independently");
        importErrors(
                page.replaceFirst("level: 2(\\s+criteria:\\s+- \"Designs)", "level: 7$1"),
                "topics[0].content[1].level",
                "PROGRESSION_FRONT_MATTER");
    }

    @Test
    void importsACsvOfLevelCompetencyAndExpectation() {
        String csv = "level,competency,expectation\nL1,Code review,Reviews small changes\n"
                + "L2,Code review,\"Reviews designs, not only code\"\nL2,On-call,Leads incidents\n";
        String version = importAs(csv, "CSV", "Support Engineering");
        graphQl(admin)
                .document(VERSION)
                .variable("id", version)
                .execute()
                .path("frameworkVersion.levels[*].code")
                .entityList(String.class)
                .containsExactly("L1", "L2")
                .path("frameworkVersion.competencies[*].key")
                .entityList(String.class)
                .containsExactly("code-review", "on-call")
                .path("frameworkVersion.competencies[0].expectations[1].description")
                .entity(String.class)
                .isEqualTo("Reviews designs, not only code");
        importErrors(csv + "L2,On-call,Again\n", "Line 5", "CSV");
        importErrors("lvl,competency,expectation\n", "Line 1", "CSV");
        importErrors(csv + "L3,,Missing competency\n", "Line 5", "CSV");
        // A quoted field spanning lines: errors name the line a record starts on, not its number.
        String multiLine = "level,competency,expectation\nL1,Design,\"Writes\nshort docs\"\nL2,,Missing\n";
        importErrors(multiLine, "Line 4", "CSV");
        // A quote that is never closed, or text after a closing quote, is refused with its line.
        importErrors(csv + "L3,\"On-call,Never closed\n", "Line 5", "CSV");
        importErrors(csv + "L3,\"On-call\"x,Stray text\n", "Line 5", "CSV");
    }

    @Test
    void assignsPeopleAndKeepsTheHistory() {
        String personId = graphQl(tenant.engineer())
                .document("{ me { person { id } } }")
                .execute()
                .path("me.person.id")
                .entity(String.class)
                .get();
        assign(personId, v1, "L3", "L4")
                .path("assignFramework.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        String v2 = draftOf(v1);
        assign(personId, v2, "L3", null)
                .path("assignFramework.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("input", "versionId");
        graphQl(admin)
                .document("mutation($v: ID!) { publishFrameworkVersion(input: {id: $v}) { frameworkVersion { id } } }")
                .variable("v", v2)
                .execute();
        assign(personId, v2, "L9", null)
                .path("assignFramework.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("input", "currentLevel");
        assign(personId, v2, "L4", "L5")
                .path("assignFramework.assignment.currentLevel.code")
                .entity(String.class)
                .isEqualTo("L4");
        String query =
                "query($id: ID!) { person(id: $id) { frameworkAssignment { version { number } currentLevel { code }"
                        + " targetLevel { code } } frameworkAssignmentHistory { version { number } endedAt } } }";
        graphQl(tenant.engineer())
                .document(query)
                .variable("id", personId)
                .execute()
                .path("person.frameworkAssignment.version.number")
                .entity(Integer.class)
                .isEqualTo(2)
                .path("person.frameworkAssignment.targetLevel.code")
                .entity(String.class)
                .isEqualTo("L5")
                .path("person.frameworkAssignmentHistory[*].version.number")
                .entityList(Integer.class)
                .containsExactly(2, 1)
                .path("person.frameworkAssignmentHistory[1].endedAt")
                .hasValue();
        graphQl(tenant.token("colleague"))
                .document(query)
                .variable("id", personId)
                .execute()
                .path("person.frameworkAssignment")
                .valueIsNull();
    }

    @Test
    void keepsAPublishedVersionsCompetenciesAndReadsADraftsAfreshEveryTime() {
        String read = "query($v: ID!) { frameworkVersion(id: $v) { status competencies { key } } }";
        sqlStatements.reset();
        graphQl(admin).document(read).variable("v", v1).execute();
        int first = sqlStatements.count();
        sqlStatements.reset();
        graphQl(admin)
                .document(read)
                .variable("v", v1)
                .execute()
                .path("frameworkVersion.competencies")
                .entityList(Object.class)
                .hasSize(14);
        assertThat(sqlStatements.count())
                .as("a published version's competencies are read once")
                .isEqualTo(first - 1);

        String draft = draftOf(v1);
        graphQl(admin)
                .document(read)
                .variable("v", draft)
                .execute()
                .path("frameworkVersion.competencies")
                .entityList(Object.class)
                .hasSize(14);
        graphQl(admin)
                .document(
                        "mutation($v: ID!, $c: String!) { replaceFrameworkDraft(input: {versionId: $v, content: $c}) {"
                                + " userErrors { field } } }")
                .variable("v", draft)
                .variable("c", export(draft).replaceAll("(?s)  - key: \"?planning\"?.*?(?=  - key:)", ""))
                .execute()
                .path("replaceFrameworkDraft.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        graphQl(admin)
                .document(read)
                .variable("v", draft)
                .execute()
                .path("frameworkVersion.competencies[*].key")
                .entityList(String.class)
                .hasSize(13)
                .satisfies(keys -> assertThat(keys).doesNotContain("planning"));
    }

    @Test
    void keepsAPublishedCompetencyReadByIdAndReadsADraftsAfreshEveryTime() {
        String ids = "query($v: ID!) { frameworkVersion(id: $v) { competencies { id } } }";
        String published = graphQl(admin)
                .document(ids)
                .variable("v", v1)
                .execute()
                .path("frameworkVersion.competencies[0].id")
                .entity(String.class)
                .get();
        String drafted = graphQl(admin)
                .document(ids)
                .variable("v", draftOf(v1))
                .execute()
                .path("frameworkVersion.competencies[0].id")
                .entity(String.class)
                .get();

        List<Integer> fresh = statementsToReadById(drafted);
        assertThat(fresh.get(1)).as("a draft's competency is read every time").isEqualTo(fresh.get(0));
        // The published version's competencies were kept when its list was read above, by id too.
        assertThat(statementsToReadById(published))
                .as("a published version's competency is kept")
                .containsExactly(fresh.get(0) - 1, fresh.get(0) - 1);
    }

    /** The statements of reading the competency as a node, twice. */
    private List<Integer> statementsToReadById(String competencyId) {
        String read = "query($id: ID!) { node(id: $id) { ... on Competency { key name } } }";
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sqlStatements.reset();
            graphQl(admin)
                    .document(read)
                    .variable("id", competencyId)
                    .execute()
                    .path("node.key")
                    .hasValue();
            counts.add(sqlStatements.requestCount());
        }
        return counts;
    }

    @Test
    void nestedFrameworkQueriesCostAConstantNumberOfStatements() {
        // Every framework with every version's competencies would cost 50 × 100 × 100 × 20 at the list maximums: the
        // tree is listed by version, and one version is read in depth.
        String query = "query($v: ID!) { frameworks { name versions { number } } frameworkVersion(id: $v) {"
                + " levels { code } competencies { key expectations { level { code } rule { required } } } } }";
        String small = export(v1).replace("Software Engineering", "Tiny").replaceAll("(?s)  competencies:.*", "")
                + "  competencies:\n    - key: one\n      theme: T\n      name: One\n      description: D\n      expectations:\n"
                + "        - level: L3\n          description: E\n          examples: []\n          rule:\n"
                + "            minEndorsedEvidence: 1\n            recencyMonths: 12\n            minDistinctKinds: 1\n"
                + "            required: true\n";
        TestTenant other = newTenant("frameworks-small");
        String otherAdmin = other.admin(); // one token, like admin's: both are signed in once and then cached
        String tinyVersion = graphQl(otherAdmin)
                .document("mutation($y: String!) { importFramework(input: {content: $y}) { frameworkVersion { id } } }")
                .variable("y", small)
                .execute()
                .path("importFramework.frameworkVersion.id")
                .entity(String.class)
                .get();
        // Published, as the template is: a published version's competencies are read once.
        graphQl(otherAdmin)
                .document(
                        "mutation($v: ID!) { publishFrameworkVersion(input: {id: $v}) { frameworkVersion { status } } }")
                .variable("v", tinyVersion)
                .execute()
                .path("publishFrameworkVersion.frameworkVersion.status")
                .entity(String.class)
                .isEqualTo("PUBLISHED");
        graphQl(otherAdmin).document(query).variable("v", tinyVersion).execute();
        sqlStatements.reset();
        graphQl(otherAdmin)
                .document(query)
                .variable("v", tinyVersion)
                .execute()
                .path("frameworks[0].versions[0].number")
                .hasValue()
                .path("frameworkVersion.competencies")
                .entityList(Object.class)
                .hasSize(1);
        int tiny = sqlStatements.count();
        graphQl(admin).document(query).variable("v", v1).execute();
        sqlStatements.reset();
        graphQl(admin)
                .document(query)
                .variable("v", v1)
                .execute()
                .path("frameworks[0].versions[0].number")
                .hasValue()
                .path("frameworkVersion.competencies")
                .entityList(Object.class)
                .hasSize(14);
        assertThat(sqlStatements.count()).isEqualTo(tiny);
    }

    private GraphQlTester.Response assign(String person, String version, String current, String target) {
        return graphQl(admin)
                .document("mutation($in: AssignFrameworkInput!) { assignFramework(input: $in) {"
                        + " assignment { currentLevel { code } } userErrors { field message } } }")
                .variable(
                        "in",
                        target == null
                                ? Map.of("personId", person, "versionId", version, "currentLevel", current)
                                : Map.of(
                                        "personId",
                                        person,
                                        "versionId",
                                        version,
                                        "currentLevel",
                                        current,
                                        "targetLevel",
                                        target))
                .execute();
    }

    /** A new draft copied from {@code version}; its id. */
    private String draftOf(String version) {
        return graphQl(admin)
                .document(
                        "mutation($v: ID!) { createFrameworkDraft(input: {fromVersionId: $v}) { frameworkVersion { id } } }")
                .variable("v", version)
                .execute()
                .path("createFrameworkDraft.frameworkVersion.id")
                .entity(String.class)
                .get();
    }

    private void importErrors(String yaml, String field) {
        importErrors(yaml, field, "TRELLIS_YAML");
    }

    /** The import is refused with a user error whose field path or message names {@code where}. */
    private void importErrors(String content, String where, String format) {
        graphQl(admin)
                .document("mutation($y: String!, $f: ImportFormat) { importFramework(input: {content: $y, format: $f,"
                        + " name: \"Refused\"}) { frameworkVersion { id } userErrors { field message } } }")
                .variable("y", content)
                .variable("f", format)
                .execute()
                .path("importFramework.frameworkVersion")
                .valueIsNull()
                .path("importFramework.userErrors")
                .entityList(Object.class)
                .satisfies(errors -> assertThat(errors.toString()).contains(where));
    }

    private String importAs(String content, String format, String name) {
        return graphQl(admin)
                .document("mutation($y: String!, $f: ImportFormat, $n: String) { importFramework(input: {content: $y,"
                        + " format: $f, name: $n}) { frameworkVersion { id } userErrors { field message } } }")
                .variable("y", content)
                .variable("f", format)
                .variable("n", name)
                .execute()
                .path("importFramework.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("importFramework.frameworkVersion.id")
                .entity(String.class)
                .get();
    }

    private int versionCount() {
        return graphQl(admin)
                .document("{ frameworks { versions { id } } }")
                .execute()
                .path("frameworks[*].versions[*].id")
                .entityList(String.class)
                .get()
                .size();
    }

    private String export(String version) {
        return graphQl(admin)
                .document("query($id: ID!) { exportFrameworkVersion(id: $id) }")
                .variable("id", version)
                .execute()
                .path("exportFrameworkVersion")
                .entity(String.class)
                .get();
    }

    /** A conflict with the version's state: a CONFLICT user error, no version, no error. */
    private static void conflict(String mutation, GraphQlTester.Response response) {
        response.errors().verify();
        response.path(mutation + ".frameworkVersion").valueIsNull();
        response.path(mutation + ".userErrors[*].code").entityList(String.class).containsExactly("CONFLICT");
    }

    @SuppressWarnings("unused")
    private static List<String> none() {
        return List.of();
    }
}
