package org.trellis.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trellis.persistence.jooq.Tables.AUDIT_EVENT;

import java.util.List;
import java.util.UUID;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.trellis.api.support.IntegrationTest;
import org.trellis.graphql.GlobalId;

/**
 * Which audit summaries an erasure redacts (entries about the person by reference, and entries recorded since they
 * were created that hold one of their identifiers as a whole JSON string value; never a key, never part of a text),
 * and that the database lets the runtime role redact nothing else.
 */
class ErasureAuditIntegrationTest extends IntegrationTest {

    @Test
    void erasingSomeoneNamedLikeAJsonKeyOrRoleLeavesOtherPeoplesSummariesAlone() {
        TestTenant tenant = newTenant("erasure-keys");
        String admin = tenant.admin();
        String alice = create(admin, "Alice Unrelated", "alice-" + UUID.randomUUID() + "@example.com");
        assertThat(summaries(tenant, alice)).anyMatch(summary -> summary.contains("Alice Unrelated"));

        for (String name : List.of("Ted", "Ana", "before", "after", "Manager", "Alice")) {
            erase(admin, create(admin, name, null));
        }

        assertThat(summaries(tenant, alice))
                .as("Alice's person.created summary survives the erasure of people named like its keys and values")
                .anyMatch(summary -> summary.contains("Alice Unrelated"));
    }

    @Test
    void erasureRedactsEntriesAboutThePersonAndWholeValuesNamingThemOnly() {
        TestTenant tenant = newTenant("erasure-values");
        String admin = tenant.admin();
        String email = "rowena-" + UUID.randomUUID() + "@example.com";
        String person = create(admin, "Rowena Plimsoll", email);
        String other = UUID.randomUUID().toString();
        UUID byValue = audit(tenant, "test", other, "{\"added\": {\"people\": [\"" + email.toUpperCase() + "\"]}}");
        UUID inText = audit(tenant, "test", other, "{\"note\": \"wrote to " + email + " today\"}");
        UUID asKey = audit(tenant, "test", other, "{\"" + email + "\": 1}");
        UUID asActor = audit(tenant, person, other, "{\"title\": \"Rowena's plan\"}");
        UUID unrelated = audit(tenant, "test", other, "{\"name\": \"Rowena Plimsollish\"}");

        erase(admin, person);

        assertThat(summaries(tenant, person))
                .as("created, updated: redacted; person.erased: {}")
                .containsOnly("{\"erased\": true}", "{}");
        assertThat(summary(tenant, byValue)).isEqualTo("{\"erased\": true}");
        assertThat(summary(tenant, asActor)).isEqualTo("{\"erased\": true}");
        assertThat(summary(tenant, inText)).contains(email);
        assertThat(summary(tenant, asKey)).contains(email);
        assertThat(summary(tenant, unrelated)).contains("Rowena Plimsollish");
    }

    @Test
    void theDatabaseLetsOnlyEntriesAboutAnErasedPersonBeRedacted() {
        TestTenant tenant = newTenant("erasure-guard");
        String admin = tenant.admin();
        String kept = create(admin, "Kept Person", null);
        String erased = create(admin, "Gone Person", null);
        erase(admin, erased);
        UUID aboutErased = audit(tenant, "test", erased, "{\"late\": \"entry\"}");
        UUID aboutKept = audit(tenant, "test", kept, "{\"still\": \"here\"}");
        UUID byErasedAsActor = audit(tenant, erased, kept, "{\"done\": \"by them\"}");

        redactDirectly(tenant, aboutErased);
        redactDirectly(tenant, byErasedAsActor);
        assertThat(summary(tenant, aboutErased)).isEqualTo("{\"erased\": true}");
        assertThat(summary(tenant, byErasedAsActor)).isEqualTo("{\"erased\": true}");
        assertThatThrownBy(() -> redactDirectly(tenant, aboutKept))
                .as("an entry about someone not erased keeps its summary")
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
        UUID tenantEntry = inTenant(
                tenant.uuid(),
                tx -> tx.select(AUDIT_EVENT.UID)
                        .from(AUDIT_EVENT)
                        .where(AUDIT_EVENT.ACTION.eq("tenant.created"))
                        .fetchSingle(AUDIT_EVENT.UID));
        assertThatThrownBy(() -> redactDirectly(tenant, tenantEntry))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThat(summary(tenant, aboutKept)).contains("here");
    }

    private void redactDirectly(TestTenant tenant, UUID entry) {
        inTenant(
                tenant.uuid(),
                tx -> tx.update(AUDIT_EVENT)
                        .set(AUDIT_EVENT.SUMMARY, JSONB.valueOf("{\"erased\": true}"))
                        .where(AUDIT_EVENT.UID.eq(entry))
                        .execute());
    }

    private UUID audit(TestTenant tenant, String actor, String target, String summary) {
        return inTenant(
                tenant.uuid(),
                tx -> tx.insertInto(AUDIT_EVENT)
                        .set(AUDIT_EVENT.TENANT_ID, tenant.uuid())
                        .set(AUDIT_EVENT.ACTOR_KIND, "PERSON")
                        .set(AUDIT_EVENT.ACTOR_REF, actor)
                        .set(AUDIT_EVENT.ACTION, "test.seeded")
                        .set(AUDIT_EVENT.TARGET_TYPE, "Test")
                        .set(AUDIT_EVENT.TARGET_REF, target)
                        .set(AUDIT_EVENT.SUMMARY, JSONB.valueOf(summary))
                        .returning(AUDIT_EVENT.UID)
                        .fetchSingle(AUDIT_EVENT.UID));
    }

    private String summary(TestTenant tenant, UUID entry) {
        return inTenant(
                        tenant.uuid(),
                        tx -> tx.select(AUDIT_EVENT.SUMMARY)
                                .from(AUDIT_EVENT)
                                .where(AUDIT_EVENT.UID.eq(entry))
                                .fetchSingle(AUDIT_EVENT.SUMMARY))
                .data();
    }

    private List<String> summaries(TestTenant tenant, String target) {
        return inTenant(
                        tenant.uuid(),
                        tx -> tx.select(AUDIT_EVENT.SUMMARY)
                                .from(AUDIT_EVENT)
                                .where(AUDIT_EVENT.TARGET_REF.eq(target))
                                .fetch(AUDIT_EVENT.SUMMARY))
                .stream()
                .map(JSONB::data)
                .toList();
    }

    /** The new person's raw id (as audit entries name them). */
    private String create(String admin, String name, String email) {
        String id = graphQl(admin)
                .document("mutation($n: String!, $e: String) { createPerson(input: {displayName: $n, email: $e,"
                        + " roles: [MANAGER]}) { person { id } userErrors { code } } }")
                .variable("n", name)
                .variable("e", email)
                .execute()
                .path("createPerson.person.id")
                .entity(String.class)
                .get();
        return GlobalId.decode(id, "Person").orElseThrow().toString();
    }

    private void erase(String admin, String person) {
        graphQl(admin)
                .document("mutation($p: ID!) { erasePerson(input: {personId: $p, confirmPersonId: $p})"
                        + " { userErrors { code } } }")
                .variable("p", GlobalId.encode("Person", UUID.fromString(person)))
                .execute()
                .path("erasePerson.userErrors")
                .entityList(Object.class)
                .hasSize(0);
    }
}
