package org.trellis.api.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.trellis.graphql.GlobalId;

/**
 * A person erased through GraphQL (privacy module) is gone for SCIM: 404 by their id, out of every filter, and the
 * identity provider provisioning the same userName and externalId again creates a new, empty person.
 */
class ErasedPersonScimIntegrationTest extends ScimHttpTest {

    @Test
    void provisioningAnErasedUserAgainCreatesANewPerson() {
        String ann = create(
                Map.of("userName", "ann.erased@example.com", "externalId", "00u-erased", "displayName", "Ann Erased"));
        String person = GlobalId.encode("Person", UUID.fromString(ann));
        graphQl(tenant.admin())
                .document("mutation($p: ID!) { erasePerson(input: {personId: $p, confirmPersonId: $p}) { erasedAt"
                        + " userErrors { code } } }")
                .variable("p", person)
                .execute()
                .path("erasePerson.erasedAt")
                .hasValue();

        send(HttpMethod.GET, "/Users/" + ann, null).expectStatus().isNotFound();
        assertThat(list("/Users?filter=" + encode("externalId eq \"00u-erased\""))
                        .get("Resources"))
                .isEmpty();
        String again = create(
                Map.of("userName", "ann.erased@example.com", "externalId", "00u-erased", "displayName", "Ann Erased"));

        assertThat(again).isNotEqualTo(ann);
        graphQl(tenant.admin())
                .document("query($p: ID!) { person(id: $p) { displayName email userName status } }")
                .variable("p", person)
                .execute()
                .path("person.displayName")
                .entity(String.class)
                .isEqualTo("Erased person")
                .path("person.userName")
                .valueIsNull()
                .path("person.status")
                .entity(String.class)
                .isEqualTo("DEACTIVATED");
    }
}
