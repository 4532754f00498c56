package org.trellis.api.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trellis.persistence.jooq.Tables.AUDIT_EVENT;
import static org.trellis.persistence.jooq.Tables.IDENTITY_PROVIDER;
import static org.trellis.persistence.jooq.Tables.PERSON;

import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;
import org.trellis.api.support.IntegrationTest;

/**
 * The runtime role cannot reach another tenant's rows, even with queries that forget the tenant predicate: the
 * database refuses, not the application.
 */
class RowLevelSecurityIntegrationTest extends IntegrationTest {

    @Autowired
    private DSLContext db;

    @Autowired
    private TransactionTemplate transactions;

    private TestTenant tenantA;
    private TestTenant tenantB;

    @BeforeEach
    void twoTenantsWithPeople() {
        tenantA = newTenant("rls-a");
        tenantB = newTenant("rls-b");
        for (TestTenant tenant : new TestTenant[] {tenantA, tenantB}) {
            graphQl(tenant.engineer()).document("{ me { kind } }").execute();
            graphQl(tenant.admin()).document("{ me { kind } }").execute();
        }
    }

    @Test
    void runtimeRoleIsNotSuperuserCannotBypassRowSecurityAndOwnsNoTable() {
        var role = transactions.execute(
                status -> db.fetchSingle(
                        "select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb from pg_roles where rolname = current_user"));
        assertThat(role.intoArray()).containsOnly(false);
        Integer owned = transactions.execute(status -> db.fetchSingle(
                        "select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                                + " where n.nspname = 'public' and pg_get_userbyid(c.relowner) = current_user")
                .get(0, Integer.class));
        assertThat(owned).isZero();
    }

    @Test
    void readsWithoutTenantPredicateSeeOnlyTheTransactionsTenant() {
        var tenants = inTenant(
                tenantA.uuid(),
                tx -> tx.selectDistinct(PERSON.TENANT_ID).from(PERSON).fetch(PERSON.TENANT_ID));
        assertThat(tenants).containsExactly(tenantA.uuid());
        var providers = inTenant(
                tenantA.uuid(),
                tx -> tx.selectDistinct(IDENTITY_PROVIDER.TENANT_ID)
                        .from(IDENTITY_PROVIDER)
                        .fetch(IDENTITY_PROVIDER.TENANT_ID));
        assertThat(providers).containsExactly(tenantA.uuid());
    }

    @Test
    void writesWithoutTenantPredicateTouchOnlyTheTransactionsTenant() {
        int countA = inTenant(tenantA.uuid(), tx -> tx.fetchCount(PERSON));
        int updated = inTenant(
                tenantA.uuid(),
                tx -> tx.update(PERSON).set(PERSON.DISPLAY_NAME, "renamed").execute());
        assertThat(updated).isEqualTo(countA).isPositive();
        int renamedInB = inTenant(tenantB.uuid(), tx -> tx.fetchCount(PERSON, PERSON.DISPLAY_NAME.eq("renamed")));
        assertThat(renamedInB).isZero();
    }

    @Test
    void cannotInsertIntoAnotherTenant() {
        assertThatThrownBy(() -> inTenant(
                        tenantA.uuid(),
                        tx -> tx.insertInto(PERSON)
                                .set(PERSON.TENANT_ID, tenantB.uuid())
                                .set(PERSON.ID, UUID.randomUUID())
                                .set(PERSON.DISPLAY_NAME, "intruder")
                                .execute()))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("row-level security");
    }

    @Test
    void cannotMoveRowsToAnotherTenant() {
        assertThatThrownBy(() -> inTenant(
                        tenantA.uuid(),
                        tx -> tx.update(PERSON)
                                .set(PERSON.TENANT_ID, tenantB.uuid())
                                .execute()))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("row-level security");
    }

    @Test
    void seesAndWritesNothingWithoutATenant() {
        Integer visible = transactions.execute(status -> db.fetchCount(PERSON) + db.fetchCount(IDENTITY_PROVIDER));
        assertThat(visible).isZero();
        assertThatThrownBy(() -> transactions.execute(status -> db.insertInto(PERSON)
                        .set(PERSON.TENANT_ID, tenantA.uuid())
                        .set(PERSON.ID, UUID.randomUUID())
                        .set(PERSON.DISPLAY_NAME, "nobody")
                        .execute()))
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void malformedTenantSettingFailsClosed() {
        assertThatThrownBy(() -> transactions.execute(status -> {
                    db.execute("select set_config('trellis.tenant_id', 'not-a-uuid', true)");
                    return db.fetchCount(PERSON);
                }))
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void cannotSwitchRowSecurityOffOrDropIt() {
        assertThatThrownBy(() -> inTenant(tenantA.uuid(), tx -> {
                    tx.execute("set local row_security = off");
                    return tx.fetchCount(PERSON);
                }))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() ->
                        inTenant(tenantA.uuid(), tx -> tx.execute("alter table person no force row level security")))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("must be owner");
    }

    @Test
    void auditTrailIsAppendOnly() {
        int entries = inTenant(tenantA.uuid(), tx -> tx.fetchCount(AUDIT_EVENT));
        assertThat(entries).isPositive();
        assertThatThrownBy(() -> inTenant(
                        tenantA.uuid(), tx -> tx.deleteFrom(AUDIT_EVENT).execute()))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> inTenant(
                        tenantA.uuid(),
                        tx -> tx.update(AUDIT_EVENT)
                                .set(AUDIT_EVENT.ACTION, "forged")
                                .execute()))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
    }
}
