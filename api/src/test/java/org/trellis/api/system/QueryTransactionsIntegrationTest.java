package org.trellis.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.trellis.api.support.IntegrationTest;
import org.trellis.graphql.GlobalId;

/**
 * Issue #11, item 2: a query runs in one read-only transaction, begun by its first database call and shared by all
 * its batch loads, with the tenant scope set once; the caller's visibility inputs are computed once per query and
 * only when a field needs them. Counts are of the execution (see {@link
 * org.trellis.api.support.SqlStatementCounter#executionCount()}): the sign-in before it is another item's concern.
 */
class QueryTransactionsIntegrationTest extends IntegrationTest {

    private static final String TWO_LEVELS = "{ people(first: 50) { edges { node { displayName directReports {"
            + " displayName manager { displayName } } } } } }";

    private TestTenant tenant;
    private String admin;
    private String engineer;
    private String engineerId;

    /** An engineer managing three people, who are all in one team. */
    @BeforeEach
    void organisation() {
        tenant = newTenant("txn");
        admin = tenant.admin();
        engineer = tenant.engineer();
        engineerId = personOf(engineer);
        String team = graphQl(admin)
                .document("mutation { createTeam(input: {name: \"Core\"}) { team { id } } }")
                .execute()
                .path("createTeam.team.id")
                .entity(String.class)
                .get();
        for (int i = 0; i < 3; i++) {
            String report = createPerson("Report " + i, engineerId);
            graphQl(admin)
                    .document("mutation($t: ID!, $p: ID!) { addTeamMember(input: {teamId: $t, personId: $p})"
                            + " { team { id } } }")
                    .variable("t", team)
                    .variable("p", report)
                    .execute()
                    .path("addTeamMember.team.id")
                    .hasValue();
        }
    }

    @Test
    void meCostsTheScopeAndThePersonOnly() {
        String me = "{ me { kind roles person { displayName email title } } }";
        execute(engineer, me).path("me.person.displayName").hasValue();
        sqlStatements.reset();
        execute(engineer, me).path("me.person.displayName").entity(String.class).isEqualTo("engineer");
        assertThat(sqlStatements.executionStatements()).as("me").hasSizeLessThanOrEqualTo(2);
        assertThat(sqlStatements.executionScopes()).isEqualTo(1);
    }

    @Test
    void aListWithTwoNestedLevelsCostsFourStatements() {
        execute(admin, TWO_LEVELS).path("people.edges").entityList(Object.class).hasSizeGreaterThan(4);
        sqlStatements.reset();
        execute(admin, TWO_LEVELS)
                .path("people.edges[*].node.directReports[*].manager.displayName")
                .entityList(String.class)
                .containsExactly("engineer", "engineer", "engineer");
        // Scope, people, their direct reports, the reports' managers.
        assertThat(sqlStatements.executionStatements()).as("two nested levels").hasSize(4);
        assertThat(sqlStatements.executionScopes()).isEqualTo(1);

        String teams =
                "{ people(first: 50) { edges { node { displayName directReports { displayName teams { name } } } } } }";
        execute(admin, teams);
        sqlStatements.reset();
        execute(admin, teams)
                .path("people.edges[*].node.directReports[*].teams[*].name")
                .entityList(String.class)
                .containsExactly("Core", "Core", "Core");
        // A person's teams are two statements (memberships, then the teams), so this shape costs one more.
        assertThat(sqlStatements.executionStatements())
                .as("two nested levels, the second teams")
                .hasSize(5);
        assertThat(sqlStatements.executionScopes()).isEqualTo(1);
    }

    @Test
    void batchLoadsOfAQueryShareOneTransaction() {
        registerServiceClient(platformToken(), tenant.providerId(), "reporting", List.of("people:read"));
        execute(admin, "{ tenant { id } }");
        sqlStatements.reset();
        graphQl(admin)
                .documentName("tenantWithProviders")
                .execute()
                .path("tenant.identityProviders[0].serviceClients")
                .hasValue();
        // One scope, then one statement for each of the five levels: tenant, providers, their tenant, clients,
        // their provider. Before, each level was a transaction of its own, with its own scope statement.
        assertThat(sqlStatements.executionScopes()).isEqualTo(1);
        assertThat(sqlStatements.executionStatements()).hasSize(6);
    }

    @Test
    void theCallersReportsAreLookedUpOncePerQueryAndOnlyWhenNeeded() {
        String report = createPerson("Someone", engineerId);
        String many = "query($r: ID!) { me { person { displayName directReports { displayName email } } }"
                + " person(id: $r) { displayName email } " + TWO_LEVELS.substring(2, TWO_LEVELS.length() - 2)
                + " }";
        execute(engineer, many, Map.of("r", report));
        sqlStatements.reset();
        execute(engineer, many, Map.of("r", report))
                .path("person.email")
                .entity(String.class)
                .isEqualTo("someone@example.com");
        assertThat(sqlStatements.executionStatements().stream().filter(this::reportsLookup))
                .as("reporting subtree lookups")
                .hasSize(1);
        assertThat(sqlStatements.executionScopes()).isEqualTo(1);

        execute(engineer, "{ me { person { displayName email } } }");
        sqlStatements.reset();
        execute(engineer, "{ me { person { displayName email } } }");
        assertThat(sqlStatements.executionStatements().stream().filter(this::reportsLookup))
                .as("the caller's own record needs no subtree")
                .isEmpty();
    }

    @Test
    void queriesThatReadNothingCostNoStatement() {
        execute(engineer, "{ __typename }");
        sqlStatements.reset();
        execute(engineer, "{ __typename me { kind subject roles scopes } }");
        assertThat(sqlStatements.executionStatements()).isEmpty();
    }

    @Test
    void aFailingFieldLeavesTheOtherFieldsOfItsQueryAnswered() {
        String missing = GlobalId.encode("Person", UUID.randomUUID());
        GraphQlTester.Response response = graphQl(engineer)
                .document("query($id: ID!) { missing: person(id: $id) { id } me { person { displayName } }"
                        + " people(first: 5) { edges { node { displayName } } } }")
                .variable("id", missing)
                .execute();
        response.errors()
                .expect(error -> List.of("missing").equals(error.getParsedPath()))
                .verify()
                .path("me.person.displayName")
                .entity(String.class)
                .isEqualTo("engineer")
                .path("people.edges")
                .entityList(Object.class)
                .hasSizeGreaterThan(3);
    }

    @Test
    void aMutationWritesInItsOwnReadWriteTransaction() {
        sqlStatements.reset();
        String created = graphQl(admin)
                .document("mutation($m: ID) { createPerson(input: {displayName: \"Written\", managerId: $m})"
                        + " { person { id manager { displayName } } userErrors { code } } }")
                .variable("m", engineerId)
                .execute()
                .path("createPerson.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("createPerson.person.manager.displayName")
                .entity(String.class)
                .isEqualTo("engineer")
                .path("createPerson.person.id")
                .entity(String.class)
                .get();
        // The write's transaction and the payload's read are separate transactions.
        assertThat(sqlStatements.executionScopes()).isEqualTo(2);
        execute(admin, "query($id: ID!) { person(id: $id) { displayName } }", Map.of("id", created))
                .path("person.displayName")
                .entity(String.class)
                .isEqualTo("Written");
    }

    private boolean reportsLookup(String sql) {
        return sql.startsWith("with recursive") && sql.contains("reports");
    }

    private String createPerson(String name, String managerId) {
        Map<String, Object> input = new HashMap<>();
        input.put("displayName", name);
        input.put("email", name.toLowerCase().replace(' ', '.') + "@example.com");
        input.put("managerId", managerId);
        return graphQl(admin)
                .document("mutation($in: CreatePersonInput!) { createPerson(input: $in) { person { id } } }")
                .variable("in", input)
                .execute()
                .path("createPerson.person.id")
                .entity(String.class)
                .get();
    }

    private GraphQlTester.Response execute(String token, String document) {
        return execute(token, document, Map.of());
    }

    private GraphQlTester.Response execute(String token, String document, Map<String, Object> variables) {
        GraphQlTester.Request<?> request = graphQl(token).document(document);
        variables.forEach(request::variable);
        return request.execute();
    }
}
