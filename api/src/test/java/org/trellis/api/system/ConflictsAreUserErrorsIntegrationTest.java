package org.trellis.api.system;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.trellis.api.support.IntegrationTest;

/**
 * Issue #13 item 3: a mutation reports a conflict one way, as a {@code userErrors} entry with its code (ALREADY_EXISTS,
 * STALE or CONFLICT), its object null and no GraphQL error; and nothing is changed, as a second read shows.
 */
class ConflictsAreUserErrorsIntegrationTest extends IntegrationTest {

    private TestTenant tenant;
    private String admin;

    @BeforeEach
    void tenant() {
        tenant = newTenant("conflicts");
        admin = tenant.admin();
    }

    @Test
    void aTakenNameIsAlreadyExistsAndRenamesNothing() {
        createTeam("Platform", null);
        String backend = createTeam("Backend", null);
        GraphQlTester.Response answer = graphQl(admin)
                .document("mutation($id: ID!) { updateTeam(input: {id: $id, name: \"Platform\"}) { team { id }"
                        + " userErrors { field code } } }")
                .variable("id", backend)
                .execute();
        answer.errors().verify();
        answer.path("updateTeam.team")
                .valueIsNull()
                .path("updateTeam.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("ALREADY_EXISTS")
                .path("updateTeam.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("input", "name");
        teamName(backend).isEqualTo("Backend");
    }

    @Test
    void aStaleVersionIsStaleAndChangesNothing() {
        String mentor = personOf(tenant.token("tom"));
        String mentee = personOf(tenant.token("tess"));
        String pairing = graphQl(admin)
                .document(
                        "mutation($i: ProposeMentorshipInput!) { proposeMentorship(input: $i) { mentorship { id } } }")
                .variable("i", Map.of("mentorId", mentor, "menteeId", mentee))
                .execute()
                .path("proposeMentorship.mentorship.id")
                .entity(String.class)
                .get();
        String accept = "mutation($id: ID!, $v: Int!) { acceptMentorship(input: {id: $id, expectedVersion: $v}) {"
                + " mentorship { status version } userErrors { field code } } }";

        GraphQlTester.Response stale = graphQl(tenant.token("tom"))
                .document(accept)
                .variable("id", pairing)
                .variable("v", 7)
                .execute();
        stale.errors().verify();
        stale.path("acceptMentorship.mentorship")
                .valueIsNull()
                .path("acceptMentorship.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("STALE")
                .path("acceptMentorship.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("input", "expectedVersion");
        graphQl(admin)
                .document("query($id: ID!) { node(id: $id) { ... on Mentorship { status version } } }")
                .variable("id", pairing)
                .execute()
                .path("node.status")
                .entity(String.class)
                .isEqualTo("PROPOSED")
                .path("node.version")
                .entity(Integer.class)
                .isEqualTo(1);

        graphQl(tenant.token("tom"))
                .document(accept)
                .variable("id", pairing)
                .variable("v", 1)
                .execute()
                .path("acceptMentorship.mentorship.status")
                .entity(String.class)
                .isEqualTo("ACTIVE");
    }

    @Test
    void aStateThatForbidsTheChangeIsConflictAndDeletesNothing() {
        String platform = createTeam("Platform", null);
        createTeam("Backend", platform);
        GraphQlTester.Response answer = graphQl(admin)
                .document("mutation($id: ID!) { deleteTeam(input: {id: $id}) { team { id } userErrors { field code"
                        + " message } } }")
                .variable("id", platform)
                .execute();
        answer.errors().verify();
        answer.path("deleteTeam.team")
                .valueIsNull()
                .path("deleteTeam.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("CONFLICT")
                .path("deleteTeam.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("input", "id");
        teamName(platform).isEqualTo("Platform");
    }

    @Test
    void deactivatingYourselfIsAConflictAndLeavesYouActive() {
        String self = personOf(admin);
        graphQl(admin)
                .document("mutation($id: ID!) { deactivatePerson(input: {id: $id}) { person { id } userErrors { code }"
                        + " } }")
                .variable("id", self)
                .execute()
                .path("deactivatePerson.person")
                .valueIsNull()
                .path("deactivatePerson.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("CONFLICT");
        graphQl(admin)
                .document("query($id: ID!) { person(id: $id) { status } }")
                .variable("id", self)
                .execute()
                .path("person.status")
                .entity(String.class)
                .isEqualTo("ACTIVE");
    }

    private GraphQlTester.Entity<String, ?> teamName(String id) {
        return graphQl(admin)
                .document("query($id: ID!) { team(id: $id) { name } }")
                .variable("id", id)
                .execute()
                .path("team.name")
                .entity(String.class);
    }

    private String createTeam(String name, String parentId) {
        Map<String, Object> input = new java.util.HashMap<>(Map.of("name", name));
        if (parentId != null) {
            input.put("parentId", parentId);
        }
        return graphQl(admin)
                .document("mutation($in: CreateTeamInput!) { createTeam(input: $in) { team { id } } }")
                .variable("in", input)
                .execute()
                .path("createTeam.team.id")
                .entity(String.class)
                .get();
    }
}
