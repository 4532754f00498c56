package org.trellis.api.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.trellis.api.support.IntegrationTest;

/** People and teams through GraphQL: the organisation, who sees what, and bad input changing nothing. */
class PeopleIntegrationTest extends IntegrationTest {

    private TestTenant tenant;
    private String admin;
    private String ceo;
    private String vp;
    private String lead;
    private String dev;
    private String platformTeam;
    private String backendTeam;

    /** ceo ← vp ← lead ← dev; backend is a sub-team of platform; lead manages backend, dev is a member. */
    @BeforeEach
    void organisation() {
        tenant = newTenant("org");
        admin = tenant.admin();
        ceo = createPerson(Map.of("displayName", "Cleo CEO", "email", "cleo@example.com", "userName", "cleo"));
        vp = createPerson(Map.of("displayName", "Vic VP", "email", "vic@example.com", "managerId", ceo));
        lead = createPerson(Map.of(
                "displayName", "Lee Lead", "email", "lee@example.com", "managerId", vp, "timeZone", "Europe/Berlin"));
        dev = createPerson(Map.of("displayName", "Dee Dev", "email", "dee@example.com", "managerId", lead));
        platformTeam = createTeam("Platform", null);
        backendTeam = createTeam("Backend", platformTeam);
        addToTeam(backendTeam, lead, "MANAGER");
        addToTeam(backendTeam, dev, "MEMBER");
    }

    @Test
    void listsPeopleByTeamReportingLineStatusAndSearch() {
        assertThat(names(Map.of("teamId", backendTeam))).containsExactly("Dee Dev", "Lee Lead");
        assertThat(names(Map.of("managerId", vp))).containsExactly("Lee Lead");
        assertThat(names(Map.of("managerId", vp, "includeIndirectReports", true)))
                .containsExactly("Dee Dev", "Lee Lead");
        assertThat(names(Map.of("search", "VIC@"))).containsExactly("Vic VP");
        assertThat(names(Map.of("search", "%"))).isEmpty();
        deactivate(dev);
        assertThat(names(Map.of("status", "DEACTIVATED"))).containsExactly("Dee Dev");
    }

    /**
     * Issue #10 item 6, as reproduced: Erin searched for "sam@demo" and found Sam, whose email she may not read. A
     * search now matches emails and user names only of people whose details the caller may see.
     */
    @Test
    void searchesEmailsOnlyOfPeopleWhoseDetailsTheCallerMaySee() {
        String samToken = tenant.issuer()
                .token(
                        tenant.audience(),
                        "sam",
                        claims -> claims.claim("email", "sam@demo.example").claim("name", "Sam Rivera"));
        String sam = personOf(samToken);
        String erinToken = tenant.token("erin");
        personOf(erinToken);
        String managerToken = tenant.token("mo", "managers");
        graphQl(admin)
                .document(
                        "mutation($p: ID!, $m: ID) { setManager(input: {personId: $p, managerId: $m}) { person { id } } }")
                .variable("p", sam)
                .variable("m", personOf(managerToken))
                .execute()
                .path("setManager.person.id")
                .hasValue();

        assertThat(search(erinToken, "sam@demo")).isEmpty();
        assertThat(search(erinToken, "vic@")).isEmpty();
        assertThat(search(erinToken, "cleo")).containsExactly("Cleo CEO");
        assertThat(search(erinToken, "rivera")).containsExactly("Sam Rivera");
        assertThat(search(erinToken, "erin@example")).containsExactly("erin");
        assertThat(search(samToken, "sam@demo")).containsExactly("Sam Rivera");
        assertThat(search(managerToken, "sam@demo")).containsExactly("Sam Rivera");
        assertThat(search(managerToken, "erin@example")).isEmpty();
        assertThat(search(admin, "sam@demo")).containsExactly("Sam Rivera");
        registerServiceClient(admin, tenant.providerId(), "directory", List.of("people:read"));
        String directory = tenant.issuer().token(tenant.audience(), "directory", c -> c.claim("scope", "people:read"));
        assertThat(search(directory, "sam@demo")).containsExactly("Sam Rivera");
    }

    /** The names of the people a caller finds. */
    private List<String> search(String token, String text) {
        return graphQl(token)
                .document("query($s: String) { people(first: 100, filter: {search: $s}) { edges { node { displayName"
                        + " } } } }")
                .variable("s", text)
                .execute()
                .path("people.edges[*].node.displayName")
                .entityList(String.class)
                .get();
    }

    @Test
    void pagesThroughPeopleByName() {
        var first = graphQl(admin)
                .document("{ people(first: 2) { edges { node { displayName } } pageInfo { hasNextPage endCursor } } }")
                .execute();
        first.path("people.edges[*].node.displayName").entityList(String.class).containsExactly("admin", "Cleo CEO");
        String cursor =
                first.path("people.pageInfo.endCursor").entity(String.class).get();
        graphQl(admin)
                .document(
                        "query($after: String) { people(first: 2, after: $after) { edges { node { displayName } } } }")
                .variable("after", cursor)
                .execute()
                .path("people.edges[*].node.displayName")
                .entityList(String.class)
                .containsExactly("Dee Dev", "Lee Lead");
    }

    @Test
    void showsTheTeamTreeWithMembersAndManagers() {
        // The roots, then one root's sub-teams with their people: all roots' sub-teams' members would cost
        // 200 × 50 × 100 at the list maximums.
        graphQl(admin)
                .document("query($id: ID!) { teams(rootsOnly: true) { name } team(id: $id) { children { name"
                        + " parent { name } managers { displayName } members { displayName } } } }")
                .variable("id", platformTeam)
                .execute()
                .path("teams[*].name")
                .entityList(String.class)
                .containsExactly("Platform")
                .path("team.children[0].name")
                .entity(String.class)
                .isEqualTo("Backend")
                .path("team.children[0].parent.name")
                .entity(String.class)
                .isEqualTo("Platform")
                .path("team.children[0].managers[*].displayName")
                .entityList(String.class)
                .containsExactly("Lee Lead")
                .path("team.children[0].members[*].displayName")
                .entityList(String.class)
                .containsExactly("Dee Dev");
    }

    @Test
    void colleaguesSeeBasicProfilesAndTheManagementChainSeesDetails() {
        String devToken = signedInAs(dev, "dee");
        String vpToken = signedInAs(vp, "vic");
        String query =
                "query($id: ID!) { person(id: $id) { displayName title manager { displayName } email timeZone roles } }";
        graphQl(devToken)
                .document(query)
                .variable("id", lead)
                .execute()
                .path("person.displayName")
                .entity(String.class)
                .isEqualTo("Lee Lead")
                .path("person.manager.displayName")
                .entity(String.class)
                .isEqualTo("Vic VP")
                .path("person.email")
                .valueIsNull()
                .path("person.timeZone")
                .valueIsNull()
                .path("person.roles")
                .valueIsNull();
        graphQl(devToken)
                .document(query)
                .variable("id", dev)
                .execute()
                .path("person.email")
                .entity(String.class)
                .isEqualTo("dee@example.com");
        graphQl(vpToken)
                .document(query)
                .variable("id", lead)
                .execute()
                .path("person.timeZone")
                .entity(String.class)
                .isEqualTo("Europe/Berlin");
        graphQl(vpToken)
                .document(query)
                .variable("id", dev)
                .execute()
                .path("person.email")
                .entity(String.class)
                .isEqualTo("dee@example.com");
        graphQl(vpToken)
                .document(query)
                .variable("id", ceo)
                .execute()
                .path("person.email")
                .valueIsNull();
        graphQl(admin)
                .document(query)
                .variable("id", ceo)
                .execute()
                .path("person.email")
                .entity(String.class)
                .isEqualTo("cleo@example.com");
    }

    @Test
    void refusesLoopsInTheReportingLineAndTheTeamTree() {
        graphQl(admin)
                .document("mutation($p: ID!, $m: ID) { setManager(input: {personId: $p, managerId: $m}) {"
                        + " person { id } userErrors { field code } } }")
                .variable("p", ceo)
                .variable("m", dev)
                .execute()
                .path("setManager.person")
                .valueIsNull()
                .path("setManager.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID");
        graphQl(admin)
                .document("mutation($id: ID!, $parent: ID) { updateTeam(input: {id: $id, parentId: $parent}) {"
                        + " team { id } userErrors { field code } } }")
                .variable("id", platformTeam)
                .variable("parent", backendTeam)
                .execute()
                .path("updateTeam.team")
                .valueIsNull()
                .path("updateTeam.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("input", "parentId");
        assertThat(names(Map.of("managerId", ceo))).containsExactly("Vic VP");
    }

    @Test
    void rejectsBadInputAndWritesNothing() {
        int before = names(Map.of()).size();
        createPersonErrors(Map.of("displayName", "x".repeat(201)), "TOO_LONG");
        createPersonErrors(Map.of("displayName", "Bad Mail", "email", "not-an-email"), "INVALID");
        createPersonErrors(Map.of("displayName", "Bad Zone", "timeZone", "Mars/Olympus"), "INVALID");
        createPersonErrors(Map.of("displayName", "Dup", "userName", "CLEO"), "ALREADY_EXISTS");
        createPersonErrors(Map.of("displayName", " "), "REQUIRED");
        assertThat(names(Map.of())).hasSize(before);
        TestTenant other = newTenant("org-other");
        String stranger = graphQl(other.admin())
                .document("mutation { createPerson(input: {displayName: \"Stranger\"}) { person { id } } }")
                .execute()
                .path("createPerson.person.id")
                .entity(String.class)
                .get();
        graphQl(admin)
                .document(
                        "mutation($p: ID!, $m: ID) { setManager(input: {personId: $p, managerId: $m}) { person { id } } }")
                .variable("p", dev)
                .variable("m", stranger)
                .execute()
                .errors()
                .expect(error -> "NOT_FOUND".equals(error.getExtensions().get("classification")))
                .verify();
        graphQl(admin)
                .document(
                        "mutation($t: ID!, $p: ID!) { addTeamMember(input: {teamId: $t, personId: $p}) { team { id } } }")
                .variable("t", backendTeam)
                .variable("p", stranger)
                .execute()
                .errors()
                .expect(error -> "NOT_FOUND".equals(error.getExtensions().get("classification")))
                .verify();
    }

    @Test
    void linksExternalAccountsUniquelyAndShowsThemOnlyInDetail() {
        String link = "mutation($p: ID!, $a: String!) { linkExternalAccount(input: {personId: $p, provider: GITHUB,"
                + " account: $a}) { externalAccount { provider account } userErrors { code } } }";
        graphQl(admin)
                .document(link)
                .variable("p", dev)
                .variable("a", "Dee-Codes")
                .execute()
                .path("linkExternalAccount.externalAccount.account")
                .entity(String.class)
                .isEqualTo("dee-codes");
        graphQl(admin)
                .document(link)
                .variable("p", lead)
                .variable("a", "DEE-CODES")
                .execute()
                .path("linkExternalAccount.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("ALREADY_EXISTS");
        String query = "query($id: ID!) { person(id: $id) { externalAccounts { provider account } } }";
        graphQl(signedInAs(lead, "lee"))
                .document(query)
                .variable("id", dev)
                .execute()
                .path("person.externalAccounts[0].account")
                .entity(String.class)
                .isEqualTo("dee-codes");
        graphQl(signedInAs(dev, "dee"))
                .document(query)
                .variable("id", lead)
                .execute()
                .path("person.externalAccounts")
                .valueIsNull();
    }

    @Test
    void nestedPeopleQueriesCostAConstantNumberOfStatements() {
        String query = "{ people(first: 50) { edges { node { displayName manager { displayName } directReports"
                + " { displayName } teams { name } externalAccounts { account } } } } }";
        graphQl(admin).document(query).execute();
        sqlStatements.reset();
        graphQl(admin)
                .document(query)
                .execute()
                .path("people.edges")
                .entityList(Object.class)
                .hasSize(5);
        int small = sqlStatements.count();
        for (int i = 0; i < 8; i++) {
            String extra = createPerson(Map.of("displayName", "Extra " + i, "managerId", lead));
            addToTeam(backendTeam, extra, "MEMBER");
        }
        sqlStatements.reset();
        graphQl(admin)
                .document(query)
                .execute()
                .path("people.edges")
                .entityList(Object.class)
                .hasSize(13);
        assertThat(sqlStatements.count()).isEqualTo(small);
    }

    /** A token of the provisioned person: the admin links the subject ahead, so the first sign-in is that person. */
    private String signedInAs(String personId, String subject) {
        graphQl(admin)
                .document("mutation($id: ID!, $p: ID!, $a: String!) { linkExternalAccount(input: {personId: $id,"
                        + " provider: IDENTITY_PROVIDER, identityProviderId: $p, account: $a}) {"
                        + " externalAccount { id } userErrors { code } } }")
                .variable("id", personId)
                .variable("p", tenant.providerId())
                .variable("a", subject)
                .execute()
                .path("linkExternalAccount.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        String token = tenant.issuer().token(tenant.audience(), subject);
        graphQl(token)
                .document("{ me { person { id } } }")
                .execute()
                .path("me.person.id")
                .entity(String.class)
                .isEqualTo(personId);
        return token;
    }

    private List<String> names(Map<String, Object> filter) {
        return graphQl(admin)
                .document(
                        "query($f: PeopleFilter) { people(first: 100, filter: $f) { edges { node { displayName } } } }")
                .variable("f", filter)
                .execute()
                .path("people.edges[*].node.displayName")
                .entityList(String.class)
                .get()
                .stream()
                .filter(name -> !name.equals("admin"))
                .toList();
    }

    private String createPerson(Map<String, Object> input) {
        return graphQl(admin)
                .document(
                        "mutation($in: CreatePersonInput!) { createPerson(input: $in) { person { id } userErrors { message } } }")
                .variable("in", input)
                .execute()
                .path("createPerson.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("createPerson.person.id")
                .entity(String.class)
                .get();
    }

    private void createPersonErrors(Map<String, Object> input, String code) {
        graphQl(admin)
                .document(
                        "mutation($in: CreatePersonInput!) { createPerson(input: $in) { person { id } userErrors { code } } }")
                .variable("in", input)
                .execute()
                .path("createPerson.person")
                .valueIsNull()
                .path("createPerson.userErrors[0].code")
                .entity(String.class)
                .isEqualTo(code);
    }

    private String createTeam(String name, String parentId) {
        Map<String, Object> input = new HashMap<>(Map.of("name", name));
        if (parentId != null) {
            input.put("parentId", parentId);
        }
        return graphQl(admin)
                .document(
                        "mutation($in: CreateTeamInput!) { createTeam(input: $in) { team { id } userErrors { message } } }")
                .variable("in", input)
                .execute()
                .path("createTeam.team.id")
                .entity(String.class)
                .get();
    }

    private void addToTeam(String team, String person, String role) {
        graphQl(admin)
                .document("mutation($t: ID!, $p: ID!, $r: TeamRole) { addTeamMember(input: {teamId: $t, personId: $p,"
                        + " role: $r}) { team { id } } }")
                .variable("t", team)
                .variable("p", person)
                .variable("r", role)
                .execute()
                .path("addTeamMember.team.id")
                .hasValue();
    }

    private void deactivate(String person) {
        GraphQlTester.Response response = graphQl(admin)
                .document("mutation($id: ID!) { deactivatePerson(input: {id: $id}) { person { status } } }")
                .variable("id", person)
                .execute();
        response.path("deactivatePerson.person.status").entity(String.class).isEqualTo("DEACTIVATED");
    }
}
