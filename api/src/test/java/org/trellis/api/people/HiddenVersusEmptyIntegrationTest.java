package org.trellis.api.people;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trellis.api.support.IntegrationTest;

/**
 * Issue #13 item 3: a field hidden from the caller is told apart from an empty one. Hidden detail fields are null
 * (lists included); a list the caller may see but that has nothing is empty.
 */
class HiddenVersusEmptyIntegrationTest extends IntegrationTest {

    private static final String DETAILS = "query($id: ID!) { person(id: $id) { displayName email roles grantedRoles"
            + " identityProviderRoles externalAccounts { provider account } frameworkAssignmentHistory { assignedAt } } }";

    private TestTenant tenant;
    private String admin;

    @BeforeEach
    void tenant() {
        tenant = newTenant("hidden");
        admin = tenant.admin();
    }

    @Test
    void aColleagueGetsNullForDetailListsWhereThePersonGetsTheirOwn() {
        String personToken = tenant.token("pat");
        String person = personOf(personToken);
        String colleagueToken = tenant.token("cody");
        personOf(colleagueToken);

        graphQl(colleagueToken)
                .document(DETAILS)
                .variable("id", person)
                .execute()
                .path("person.displayName")
                .entity(String.class)
                .isEqualTo("pat")
                .path("person.email")
                .valueIsNull()
                .path("person.roles")
                .valueIsNull()
                .path("person.grantedRoles")
                .valueIsNull()
                .path("person.identityProviderRoles")
                .valueIsNull()
                .path("person.externalAccounts")
                .valueIsNull()
                .path("person.frameworkAssignmentHistory")
                .valueIsNull();

        graphQl(personToken)
                .document(DETAILS)
                .variable("id", person)
                .execute()
                .path("person.email")
                .entity(String.class)
                .isEqualTo("pat@example.com")
                .path("person.roles")
                .entityList(String.class)
                .containsExactly("ENGINEER")
                .path("person.identityProviderRoles")
                .entityList(String.class)
                .hasSize(0)
                .path("person.externalAccounts[*].provider")
                .entityList(String.class)
                .containsExactly("IDENTITY_PROVIDER")
                .path("person.frameworkAssignmentHistory")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void aVisibleListWithNothingInItIsEmptyNotNull() {
        String person = graphQl(admin)
                .document("mutation { createPerson(input: {displayName: \"Nell\"}) { person { id } } }")
                .execute()
                .path("createPerson.person.id")
                .entity(String.class)
                .get();
        graphQl(admin)
                .document(DETAILS)
                .variable("id", person)
                .execute()
                .path("person.email")
                .valueIsNull()
                .path("person.roles")
                .entityList(String.class)
                .containsExactly("ENGINEER")
                .path("person.externalAccounts")
                .entityList(Object.class)
                .hasSize(0)
                .path("person.frameworkAssignmentHistory")
                .entityList(Object.class)
                .hasSize(0);
        graphQl(tenant.token("cody"))
                .document(DETAILS)
                .variable("id", person)
                .execute()
                .path("person.externalAccounts")
                .valueIsNull()
                .path("person.roles")
                .valueIsNull();
    }
}
