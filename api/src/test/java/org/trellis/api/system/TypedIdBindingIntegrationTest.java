package org.trellis.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.trellis.api.support.IntegrationTest;
import org.trellis.graphql.GlobalId;

/**
 * Issue #11, item 4: global ids are bound to typed ids at the edge. An id of another type, or one that does not decode
 * at all, answers NOT_FOUND (the same answer as an id that names nothing visible) wherever it appears: a top-level
 * argument, a nested input field, an optional field or a list element; and a mutation so refused changes nothing.
 */
class TypedIdBindingIntegrationTest extends IntegrationTest {

    private String admin;
    private String adminId;
    private String engineerId;
    private String teamId;
    private int auditBefore;
    private TestTenant tenant;

    @BeforeEach
    void organisation() {
        tenant = newTenant("typed-ids");
        admin = tenant.admin();
        adminId = personOf(admin);
        engineerId = personOf(tenant.engineer());
        teamId = graphQl(admin)
                .document("mutation { createTeam(input: {name: \"Core\"}) { team { id } } }")
                .execute()
                .path("createTeam.team.id")
                .entity(String.class)
                .get();
        auditBefore = auditEventCount(tenant.uuid());
    }

    @Test
    void aTopLevelArgumentOfAnotherTypeIsNotFound() {
        notFound(graphQl(admin)
                .document("query($id: ID!) { person(id: $id) { id } }")
                .variable("id", teamId));
        notFound(graphQl(admin)
                .document("query($id: ID!) { team(id: $id) { id } }")
                .variable("id", engineerId));
        // The right type still answers.
        graphQl(admin)
                .document("query($id: ID!) { person(id: $id) { id } }")
                .variable("id", engineerId)
                .execute()
                .path("person.id")
                .entity(String.class)
                .isEqualTo(engineerId);
    }

    @Test
    void idsThatDoNotDecodeAreNotFound() {
        for (String garbage : List.of("not-an-id", "", "%%%", GlobalId.encode("Person", UUID.randomUUID()) + "x")) {
            notFound(graphQl(admin)
                    .document("query($id: ID!) { person(id: $id) { id } }")
                    .variable("id", garbage));
        }
    }

    @Test
    void aNestedInputIdOfAnotherTypeIsNotFoundAndChangesNothing() {
        notFound(graphQl(admin)
                .document("mutation($p: ID!, $m: ID) { setManager(input: {personId: $p, managerId: $m})"
                        + " { person { id } } }")
                .variable("p", engineerId)
                .variable("m", teamId));
        notFound(graphQl(admin)
                .document("mutation($t: ID!, $p: ID!) { addTeamMember(input: {teamId: $t, personId: $p})"
                        + " { team { id } } }")
                .variable("t", engineerId)
                .variable("p", adminId));
        notFound(graphQl(admin)
                .document("mutation($id: ID!) { deactivatePerson(input: {id: $id}) { person { id } } }")
                .variable("id", teamId));

        graphQl(admin)
                .document("query($id: ID!) { person(id: $id) { status manager { id } } }")
                .variable("id", engineerId)
                .execute()
                .path("person.status")
                .entity(String.class)
                .isEqualTo("ACTIVE")
                .path("person.manager")
                .valueIsNull();
        graphQl(admin)
                .document("query($id: ID!) { team(id: $id) { members { id } } }")
                .variable("id", teamId)
                .execute()
                .path("team.members")
                .entityList(Object.class)
                .hasSize(0);
        assertThat(auditEventCount(tenant.uuid())).isEqualTo(auditBefore);
    }

    @Test
    void aListElementOfAnotherTypeIsNotFoundAndLogsNothing() {
        String engineer = tenant.engineer();
        notFound(graphQl(engineer)
                .document("mutation($c: [ID!]!) { logEvidence(input: {competencyIds: $c, kind: CODE_REVIEW,"
                        + " title: \"Reviewed\", occurredOn: \"2026-01-05\"}) { evidence { id } } }")
                .variable("c", List.of(teamId)));
        graphQl(engineer)
                .document("query($p: ID!) { evidence(personId: $p, first: 10) { edges { node { id } } } }")
                .variable("p", engineerId)
                .execute()
                .path("evidence.edges")
                .entityList(Object.class)
                .hasSize(0);
        assertThat(auditEventCount(tenant.uuid())).isEqualTo(auditBefore);
    }

    @Test
    void theAnswerNamesTheFieldAndNothingElse() {
        graphQl(admin)
                .document("mutation($p: ID!, $m: ID) { setManager(input: {personId: $p, managerId: $m})"
                        + " { person { id } } }")
                .variable("p", engineerId)
                .variable("m", teamId)
                .execute()
                .errors()
                .satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.getFirst().getMessage())
                            .contains("managerId")
                            .doesNotContain("Exception", "convert", "org.trellis");
                    assertThat(errors.getFirst().getExtensions()).containsEntry("classification", "NOT_FOUND");
                });
    }

    private static void notFound(GraphQlTester.Request<?> request) {
        request.execute().errors().satisfy(errors -> {
            assertThat(errors).isNotEmpty();
            assertThat(errors)
                    .allSatisfy(
                            error -> assertThat(error.getExtensions()).containsEntry("classification", "NOT_FOUND"));
        });
    }
}
