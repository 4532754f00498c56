package org.trellis.api.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.trellis.api.support.IntegrationTest;

/**
 * Issue #13 item 3: clearing works one way in every update. An omitted field stays, an explicit null clears an optional
 * field (and is REQUIRED for one that cannot be empty), and an empty text is refused instead of clearing. Every case
 * reads the stored value back.
 */
class ClearingFieldsIntegrationTest extends IntegrationTest {

    private static final String PERSON =
            "query($id: ID!) { person(id: $id) { displayName title email timeZone" + " grantedRoles } }";
    private static final String UPDATE_PERSON = "mutation($in: UpdatePersonInput!) { updatePerson(input: $in) {"
            + " person { id } userErrors { field code } } }";
    private static final String UPDATE_TEAM =
            "mutation($in: UpdateTeamInput!) { updateTeam(input: $in) {" + " team { id } userErrors { field code } } }";

    private String admin;
    private String person;

    @BeforeEach
    void person() {
        admin = newTenant("clearing").admin();
        person = graphQl(admin)
                .document("mutation { createPerson(input: {displayName: \"Ada\", title: \"Engineer\", email:"
                        + " \"ada@example.com\", timeZone: \"Europe/Berlin\", roles: [MANAGER]}) { person { id } } }")
                .execute()
                .path("createPerson.person.id")
                .entity(String.class)
                .get();
    }

    @Test
    void anOmittedPersonFieldStaysAndAnExplicitNullClearsIt() {
        Map<String, Object> input = new HashMap<>(Map.of("id", person));
        input.put("title", null);
        updatePerson(input)
                .path("updatePerson.userErrors")
                .entityList(Object.class)
                .hasSize(0);

        GraphQlTester.Response stored = read(PERSON, person);
        stored.path("person.title").valueIsNull();
        stored.path("person.email").entity(String.class).isEqualTo("ada@example.com");
        stored.path("person.timeZone").entity(String.class).isEqualTo("Europe/Berlin");
        stored.path("person.grantedRoles").entityList(String.class).contains("MANAGER");

        graphQl(admin)
                .document("mutation($id: ID!) { updatePerson(input: {id: $id, timeZone: null, roles: null}) {"
                        + " userErrors { code } } }")
                .variable("id", person)
                .execute()
                .path("updatePerson.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        GraphQlTester.Response cleared = read(PERSON, person);
        cleared.path("person.timeZone").valueIsNull();
        cleared.path("person.grantedRoles").entityList(String.class).containsExactly("ENGINEER");
        cleared.path("person.email").entity(String.class).isEqualTo("ada@example.com");
    }

    @Test
    void anEmptyTextIsRefusedInsteadOfClearingAndChangesNothing() {
        GraphQlTester.Response refused = updatePerson(Map.of("id", person, "title", "", "email", "  "));
        refused.path("updatePerson.person").valueIsNull();
        assertThat(refused.path("updatePerson.userErrors[*].field")
                        .entityList(Object.class)
                        .get())
                .containsExactlyInAnyOrder(List.of("input", "email"), List.of("input", "title"));
        refused.path("updatePerson.userErrors[*].code").entityList(String.class).containsExactly("INVALID", "INVALID");

        GraphQlTester.Response stored = read(PERSON, person);
        stored.path("person.title").entity(String.class).isEqualTo("Engineer");
        stored.path("person.email").entity(String.class).isEqualTo("ada@example.com");
    }

    @Test
    void nullForAFieldThatCannotBeEmptyIsRequired() {
        Map<String, Object> input = new HashMap<>(Map.of("id", person));
        input.put("displayName", null);
        updatePerson(input)
                .path("updatePerson.person")
                .valueIsNull()
                .path("updatePerson.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("input", "displayName")
                .path("updatePerson.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("REQUIRED");
        read(PERSON, person).path("person.displayName").entity(String.class).isEqualTo("Ada");
    }

    @Test
    void anOmittedParentKeepsTheTeamWhereItIsAndANullParentMakesItARootTeam() {
        String platform = createTeam(Map.of("name", "Platform"));
        String backend = createTeam(Map.of("name", "Backend", "parentId", platform));
        String team = "query($id: ID!) { team(id: $id) { name parent { id } } }";

        updateTeam(Map.of("id", backend, "name", "Backend services"))
                .path("updateTeam.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        read(team, backend)
                .path("team.name")
                .entity(String.class)
                .isEqualTo("Backend services")
                .path("team.parent.id")
                .entity(String.class)
                .isEqualTo(platform);

        Map<String, Object> toRoot = new HashMap<>(Map.of("id", backend));
        toRoot.put("parentId", null);
        updateTeam(toRoot)
                .path("updateTeam.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        read(team, backend)
                .path("team.parent")
                .valueIsNull()
                .path("team.name")
                .entity(String.class)
                .isEqualTo("Backend services");

        Map<String, Object> unnamed = new HashMap<>(Map.of("id", backend));
        unnamed.put("name", null);
        updateTeam(unnamed)
                .path("updateTeam.team")
                .valueIsNull()
                .path("updateTeam.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("REQUIRED");
        read(team, backend).path("team.name").entity(String.class).isEqualTo("Backend services");
    }

    @Test
    void theDeprecatedDetachFlagStillMakesARootTeam() {
        String platform = createTeam(Map.of("name", "Platform"));
        String backend = createTeam(Map.of("name", "Backend", "parentId", platform));
        updateTeam(Map.of("id", backend, "detachFromParent", true))
                .path("updateTeam.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        read("query($id: ID!) { team(id: $id) { parent { id } } }", backend)
                .path("team.parent")
                .valueIsNull();
    }

    @Test
    void anOmittedManagerStaysAndANullManagerIsCleared() {
        String manager = graphQl(admin)
                .document("mutation { createPerson(input: {displayName: \"Max\"}) { person { id } } }")
                .execute()
                .path("createPerson.person.id")
                .entity(String.class)
                .get();
        String set = "mutation($in: SetManagerInput!) { setManager(input: $in) { person { manager { id } }"
                + " userErrors { code } } }";
        graphQl(admin)
                .document(set)
                .variable("in", Map.of("personId", person, "managerId", manager))
                .execute()
                .path("setManager.person.manager.id")
                .entity(String.class)
                .isEqualTo(manager);
        graphQl(admin).document(set).variable("in", Map.of("personId", person)).execute();
        read("query($id: ID!) { person(id: $id) { manager { id } } }", person)
                .path("person.manager.id")
                .entity(String.class)
                .isEqualTo(manager);
        Map<String, Object> clear = new HashMap<>(Map.of("personId", person));
        clear.put("managerId", null);
        graphQl(admin).document(set).variable("in", clear).execute();
        read("query($id: ID!) { person(id: $id) { manager { id } } }", person)
                .path("person.manager")
                .valueIsNull();
    }

    private GraphQlTester.Response updatePerson(Map<String, Object> input) {
        return graphQl(admin).document(UPDATE_PERSON).variable("in", input).execute();
    }

    private GraphQlTester.Response updateTeam(Map<String, Object> input) {
        return graphQl(admin).document(UPDATE_TEAM).variable("in", input).execute();
    }

    private GraphQlTester.Response read(String query, String id) {
        return graphQl(admin).document(query).variable("id", id).execute();
    }

    private String createTeam(Map<String, Object> input) {
        return graphQl(admin)
                .document("mutation($in: CreateTeamInput!) { createTeam(input: $in) { team { id } } }")
                .variable("in", input)
                .execute()
                .path("createTeam.team.id")
                .entity(String.class)
                .get();
    }
}
