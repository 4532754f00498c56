package org.trellis.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trellis.persistence.jooq.Tables.AUDIT_EVENT;
import static org.trellis.persistence.jooq.Tables.RETENTION_POLICY;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.trellis.api.support.IntegrationTest;

/** Retention: validated settings, and a purge that deletes only what is older than the tenant's own periods. */
class RetentionPurgeIntegrationTest extends IntegrationTest {

    private static final String SET = "mutation($e: Int, $a: Int) { setRetentionPolicy(input: {evidenceDays: $e,"
            + " auditDays: $a}) { retentionPolicy { evidenceDays auditDays } userErrors { field code } } }";

    @Autowired
    private EvidenceRetention evidence;

    @Autowired
    private AuditRetention audit;

    @Test
    void refusesPeriodsOutsideTheBoundsAndKeepsForeverByDefault() {
        String admin = newTenant("retention-bounds").admin();
        assertThat(graphQl(admin)
                        .document("{ retentionPolicy { evidenceDays auditDays } }")
                        .execute()
                        .path("retentionPolicy")
                        .entity(Map.class)
                        .get())
                .containsEntry("evidenceDays", null)
                .containsEntry("auditDays", null);
        for (int days : List.of(29, 36501, -1)) {
            assertThat(set(admin, days, null).get("userErrors").toString()).contains("evidenceDays", "INVALID");
            assertThat(set(admin, null, days).get("userErrors").toString()).contains("auditDays", "INVALID");
        }
        assertThat(set(admin, null, 364).get("userErrors").toString())
                .as("the audit trail is kept at least a year")
                .contains("auditDays", "INVALID");
        assertThat(set(admin, 30, 36500).get("retentionPolicy"))
                .isEqualTo(Map.of("evidenceDays", 30, "auditDays", 36500));
        assertThat(set(admin, 30, 365).get("retentionPolicy")).isEqualTo(Map.of("evidenceDays", 30, "auditDays", 365));
    }

    @Test
    void purgeDeletesOldEvidenceAndAuditEntriesOfItsTenantOnly() {
        TestTenant kept = newTenant("retention-other");
        TestTenant purged = newTenant("retention");
        Tenant a = seed(purged);
        Tenant b = seed(kept);
        assertThat(set(purged.admin(), 60, 365).get("userErrors").toString()).isEqualTo("[]");

        assertThatThrownBy(() -> inTenant(
                        purged.uuid(),
                        tx -> tx.deleteFrom(AUDIT_EVENT)
                                .where(AUDIT_EVENT.UID.eq(a.recentAudit()))
                                .execute()))
                .as("recent audit entries cannot be deleted, even with a retention period")
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");

        assertThatThrownBy(() -> inTenant(
                        purged.uuid(),
                        tx -> tx.update(AUDIT_EVENT)
                                .set(AUDIT_EVENT.SUMMARY, JSONB.valueOf("{\"forged\": true}"))
                                .where(AUDIT_EVENT.UID.eq(a.oldAudit()))
                                .execute()))
                .as("a summary can only be erased, never rewritten")
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");

        assertThatThrownBy(() -> inTenant(
                        purged.uuid(),
                        tx -> tx.deleteFrom(AUDIT_EVENT)
                                .where(AUDIT_EVENT.UID.eq(a.oldRetentionChange()))
                                .execute()))
                .as("the record of a retention change is never deleted")
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");

        assertThat(purge(purged.uuid())).containsExactly(1, 1);

        assertThat(evidenceTitles(purged.admin(), a.person())).containsExactly("recent work");
        assertThat(auditUids(purged.uuid()))
                .doesNotContain(a.oldAudit())
                .contains(a.recentAudit(), a.monthsOldAudit(), a.oldRetentionChange());
        assertThat(evidenceTitles(kept.admin(), b.person())).containsExactlyInAnyOrder("recent work", "old work");
        assertThat(auditUids(kept.uuid())).contains(b.oldAudit(), b.recentAudit());
        assertThat(purge(purged.uuid())).as("nothing left to purge").containsExactly(0, 0);
        assertThat(purge(kept.uuid())).as("no retention period: kept for ever").containsExactly(0, 0);
    }

    /** Runs both purges in a transaction of the tenant, as the housekeeping job does; rows deleted by each. */
    private List<Integer> purge(UUID tenant) {
        Instant now = Instant.now();
        return inTenant(tenant, tx -> List.of(evidence.purge(now, 100), audit.purge(now, 100)));
    }

    @Test
    void theDatabaseKeepsAuditEntriesAYearWhateverPeriodIsStored() {
        TestTenant tenant = newTenant("retention-floor");
        UUID monthsOld = audit(tenant.uuid(), 100, "test.seeded");
        inTenant(
                tenant.uuid(),
                tx -> tx.insertInto(RETENTION_POLICY)
                        .set(RETENTION_POLICY.TENANT_ID, tenant.uuid())
                        .set(RETENTION_POLICY.AUDIT_DAYS, 30)
                        .execute());

        assertThatThrownBy(() -> inTenant(
                        tenant.uuid(),
                        tx -> tx.deleteFrom(AUDIT_EVENT)
                                .where(AUDIT_EVENT.UID.eq(monthsOld))
                                .execute()))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThat(purge(tenant.uuid())).containsExactly(0, 0);
        assertThat(auditUids(tenant.uuid())).contains(monthsOld);
    }

    /**
     * A person with recent and 70-day-old evidence, and audit entries recorded now, 100 days ago and 400 days ago (one
     * of them a retention change).
     */
    record Tenant(String person, UUID oldAudit, UUID monthsOldAudit, UUID oldRetentionChange, UUID recentAudit) {}

    private Tenant seed(TestTenant tenant) {
        String admin = tenant.admin();
        String version = seniorRoleTemplate(admin);
        String competency = competencies(admin, version).get("code-review");
        String engineer = tenant.engineer();
        String person = personOf(engineer);
        graphQl(admin)
                .document("mutation($p: ID!, $v: ID!) { assignFramework(input: {personId: $p, versionId: $v,"
                        + " currentLevel: \"L3\"}) { userErrors { code } } }")
                .variable("p", person)
                .variable("v", version)
                .execute()
                .path("assignFramework.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        for (var item : Map.of(
                        "recent work",
                        LocalDate.now().minusDays(5),
                        "old work",
                        LocalDate.now().minusDays(70))
                .entrySet()) {
            graphQl(engineer)
                    .document("mutation($c: ID!, $d: Date!, $t: String!) { logEvidence(input: {competencyIds: [$c],"
                            + " kind: OTHER, title: $t, occurredOn: $d}) { userErrors { code } } }")
                    .variable("c", competency)
                    .variable("d", item.getValue().toString())
                    .variable("t", item.getKey())
                    .execute()
                    .path("logEvidence.userErrors")
                    .entityList(Object.class)
                    .hasSize(0);
        }
        return new Tenant(
                person,
                audit(tenant.uuid(), 400, "test.seeded"),
                audit(tenant.uuid(), 100, "test.seeded"),
                audit(tenant.uuid(), 400, "tenant.retention-set"),
                audit(tenant.uuid(), 0, "test.seeded"));
    }

    private UUID audit(UUID tenant, int daysAgo, String action) {
        return inTenant(
                tenant,
                tx -> tx.insertInto(AUDIT_EVENT)
                        .set(AUDIT_EVENT.TENANT_ID, tenant)
                        .set(AUDIT_EVENT.OCCURRED_AT, Instant.now().minus(daysAgo, ChronoUnit.DAYS))
                        .set(AUDIT_EVENT.ACTOR_KIND, "PERSON")
                        .set(AUDIT_EVENT.ACTOR_REF, "test")
                        .set(AUDIT_EVENT.ACTION, action)
                        .set(AUDIT_EVENT.TARGET_TYPE, "Tenant")
                        .set(AUDIT_EVENT.TARGET_REF, tenant.toString())
                        .set(AUDIT_EVENT.SUMMARY, JSONB.valueOf("{}"))
                        .returning(AUDIT_EVENT.UID)
                        .fetchSingle(AUDIT_EVENT.UID));
    }

    private List<UUID> auditUids(UUID tenant) {
        return inTenant(
                tenant, tx -> tx.select(AUDIT_EVENT.UID).from(AUDIT_EVENT).fetch(AUDIT_EVENT.UID));
    }

    private List<String> evidenceTitles(String admin, String person) {
        return graphQl(admin)
                .document("query($p: ID!) { evidence(personId: $p, first: 100) { edges { node { title } } } }")
                .variable("p", person)
                .execute()
                .path("evidence.edges[*].node.title")
                .entityList(String.class)
                .get();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> set(String admin, Integer evidenceDays, Integer auditDays) {
        return graphQl(admin)
                .document(SET)
                .variable("e", evidenceDays)
                .variable("a", auditDays)
                .execute()
                .path("setRetentionPolicy")
                .entity(Map.class)
                .get();
    }
}
