package org.trellis.api.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.trellis.api.support.IntegrationTest;
import org.trellis.api.support.TestIssuers;
import org.trellis.api.support.TestIssuers.Issuer;

/**
 * A sign-in links to an existing person only by a rule another account cannot forge: the person was provisioned
 * for that very provider with that subject, or the provider is trusted for email linking, the email is verified and
 * the person has no sign-in account yet. Reproduces the takeover through a second provider's email claim.
 */
class SignInLinkingIntegrationTest extends IntegrationTest {

    private static final String ME = "{ me { kind roles tenant { id } person { id displayName email } } }";

    private TestTenant tenant;
    private Provider contractors;

    @BeforeEach
    void tenantWithTwoProviders() {
        tenant = newTenant("linking");
        contractors = registerProvider(tenant, "contractors", Map.of());
    }

    @Test
    void aSecondProvidersSameEmailDoesNotTakeOverAnAdmin() {
        String adaToken = tenant.issuer()
                .token(
                        tenant.audience(),
                        "ada",
                        claims -> claims.claim("email", "ada@corp.example")
                                .claim("email_verified", true)
                                .claim("name", "Ada")
                                .claim("groups", List.of("admins")));
        String ada = me(adaToken).path("me.person.id").entity(String.class).get();
        int auditBefore = auditEventCount(tenant.uuid());

        String malloryToken = contractors.token("mallory", "ada@corp.example", true, "Mallory");
        GraphQlTester.Response mallory = me(malloryToken);
        mallory.path("me.tenant.id").entity(String.class).isEqualTo(tenant.id());
        assertThat(mallory.path("me.person.id").entity(String.class).get())
                .as("Mallory gets a person of her own")
                .isNotEqualTo(ada);
        mallory.path("me.roles").entityList(String.class).containsExactly("ENGINEER");
        graphQl(malloryToken)
                .document("{ auditEvents(first: 1) { edges { node { action } } } }")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("classification", "FORBIDDEN")));

        me(adaToken)
                .path("me.person.id")
                .entity(String.class)
                .isEqualTo(ada)
                .path("me.person.displayName")
                .entity(String.class)
                .isEqualTo("Ada")
                .path("me.roles")
                .entityList(String.class)
                .contains("TENANT_ADMIN");
        assertThat(actions(adaToken, auditBefore))
                .as("Mallory was provisioned as someone new, and nothing was linked to Ada")
                .contains("person.provisioned")
                .doesNotContain("person.sign-in-linked");
    }

    @Test
    void aVerifiedEmailLinksOnlyWhereTheProviderIsTrustedAndThePersonHasNoAccount() {
        String admin = tenant.admin();
        String grace = createPerson(admin, "Grace", "grace@corp.example");

        assertThat(personId(me(contractors.token("grace-1", "grace@corp.example", true, "G"))))
                .as("an untrusted provider never links by email")
                .isNotEqualTo(grace);

        Map<String, Object> trust = Map.of("signInPolicy", Map.of("trustEmailForLinking", true));
        Provider trusted = registerProvider(tenant, "trusted", trust);
        assertThat(personId(me(trusted.token("grace-2", "grace@corp.example", false, "G"))))
                .as("an unverified email never links")
                .isNotEqualTo(grace);

        int before = auditEventCount(tenant.uuid());
        assertThat(personId(me(trusted.token("grace-3", "grace@corp.example", true, "Grace From Token"))))
                .as("a trusted provider's verified email links the unlinked person")
                .isEqualTo(grace);
        assertThat(actions(admin, before)).contains("person.sign-in-linked");
        graphQl(admin)
                .document("query($id: ID!) { person(id: $id) { displayName } }")
                .variable("id", grace)
                .execute()
                .path("person.displayName")
                .entity(String.class)
                .isEqualTo("Grace"); // an admin-managed profile is not overwritten by token claims

        Provider alsoTrusted = registerProvider(tenant, "also-trusted", trust);
        assertThat(personId(me(alsoTrusted.token("grace-4", "grace@corp.example", true, "G"))))
                .as("a person linked to one account is never re-linked to another")
                .isNotEqualTo(grace);
        assertThat(personId(me(trusted.token("grace-3", "grace@corp.example", true, "G"))))
                .isEqualTo(grace);
    }

    @Test
    void scimProvisionedPeopleAreClaimedOnlyThroughTheProviderTheirCredentialIsBoundTo() {
        String admin = tenant.admin();
        String secret = graphQl(admin)
                .document("mutation($p: ID) { createScimCredential(input: {name: \"okta\", identityProviderId: $p}) {"
                        + " secret scimCredential { identityProvider { id } } userErrors { code } } }")
                .variable("p", tenant.providerId())
                .execute()
                .path("createScimCredential.scimCredential.identityProvider.id")
                .entity(String.class)
                .isEqualTo(tenant.providerId())
                .path("createScimCredential.secret")
                .entity(String.class)
                .get();
        String id = http().post()
                .uri("/scim/v2/Users")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)
                .header(HttpHeaders.CONTENT_TYPE, "application/scim+json")
                .bodyValue(Map.of(
                        "schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"),
                        "userName", "lin@corp.example",
                        "externalId", "00u-lin",
                        "displayName", "Lin From SCIM",
                        "emails", List.of(Map.of("value", "lin@corp.example", "primary", true))))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .toString();

        String viaOtherProvider = personId(me(contractors.token("00u-lin", "lin@corp.example", true, "Lin")));
        assertThat(viaOtherProvider)
                .as("the same subject at another provider is someone else")
                .doesNotContain(id);

        GraphQlTester.Response lin = me(tenant.issuer()
                .token(
                        tenant.audience(),
                        "00u-lin",
                        claims -> claims.claim("name", "Token Name").claim("email", "other@corp.example")));
        assertThat(personId(lin)).isEqualTo(globalPersonId(admin, id));
        // SCIM manages the profile: token claims do not overwrite it.
        lin.path("me.person.displayName")
                .entity(String.class)
                .isEqualTo("Lin From SCIM")
                .path("me.person.email")
                .entity(String.class)
                .isEqualTo("lin@corp.example");
    }

    @Test
    void aProviderWithoutJustInTimeProvisioningRefusesStrangersAndCreatesNobody() {
        Provider closed =
                registerProvider(tenant, "closed", Map.of("signInPolicy", Map.of("justInTimeProvisioning", false)));
        String admin = tenant.admin();
        int people = peopleCount(admin);
        http().post()
                .uri("/graphql")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + closed.token("stranger", "s@corp.example", true, "S"))
                .header(HttpHeaders.CONTENT_TYPE, "application/json")
                .bodyValue(Map.of("query", ME))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.FORBIDDEN)
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("FORBIDDEN")
                .jsonPath("$.errors[0].message")
                .value(message -> assertThat(message.toString()).contains("ask a tenant admin"));
        assertThat(peopleCount(admin)).isEqualTo(people);
    }

    @Test
    void sixteenConcurrentFirstSignInsCreateExactlyOnePerson() throws Exception {
        String token = tenant.token("burst");
        List<Callable<String>> calls = java.util.Collections.nCopies(16, () -> personId(me(token)));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<String> ids = new java.util.ArrayList<>();
            for (Future<String> result : pool.invokeAll(calls)) {
                ids.add(result.get());
            }
            assertThat(ids).hasSize(16).containsOnly(ids.getFirst());
        } finally {
            pool.shutdownNow();
        }
        graphQl(tenant.admin())
                .document("{ people(filter: {search: \"burst\"}) { edges { node { id } } } }")
                .execute()
                .path("people.edges")
                .entityList(Object.class)
                .hasSize(1);
    }

    private GraphQlTester.Response me(String token) {
        GraphQlTester.Response response = graphQl(token).document(ME).execute();
        response.errors().verify();
        return response;
    }

    private static String personId(GraphQlTester.Response me) {
        return me.path("me.person.id").entity(String.class).get();
    }

    private String globalPersonId(String admin, String scimId) {
        return graphQl(admin)
                .document("query($q: String) { people(filter: {search: $q}) { edges { node { id } } } }")
                .variable("q", "Lin From SCIM")
                .execute()
                .path("people.edges[0].node.id")
                .entity(String.class)
                .get();
    }

    private String createPerson(String admin, String name, String email) {
        return graphQl(admin)
                .document(
                        "mutation($i: CreatePersonInput!) { createPerson(input: $i) { person { id } userErrors { code } } }")
                .variable("i", Map.of("displayName", name, "email", email))
                .execute()
                .path("createPerson.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("createPerson.person.id")
                .entity(String.class)
                .get();
    }

    /** Audit actions recorded after the first {@code before} (newest first). */
    private List<String> actions(String admin, int before) {
        List<String> all = graphQl(admin)
                .document("{ auditEvents(first: 100) { edges { node { action } } } }")
                .execute()
                .path("auditEvents.edges[*].node.action")
                .entityList(String.class)
                .get();
        return all.subList(0, all.size() - before);
    }

    private Provider registerProvider(TestTenant tenant, String label, Map<String, Object> settings) {
        Issuer issuer = TestIssuers.INSTANCE.issuer(
                label + "-" + UUID.randomUUID().toString().substring(0, 8));
        String audience = "trellis-" + label;
        return new Provider(registerIdentityProvider(tenant.id(), issuer, audience, settings), issuer, audience);
    }

    /** A second identity provider of the tenant. */
    record Provider(String id, Issuer issuer, String audience) {

        String token(String subject, String email, boolean verified, String name) {
            return token(
                    subject,
                    claims -> claims.claim("email", email)
                            .claim("email_verified", verified)
                            .claim("name", name));
        }

        String token(String subject, Consumer<JWTClaimsSet.Builder> claims) {
            return issuer.token(audience, subject, claims);
        }
    }
}
