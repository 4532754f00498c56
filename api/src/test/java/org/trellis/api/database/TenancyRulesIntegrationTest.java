package org.trellis.api.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trellis.api.database.CatalogRules.PLATFORM_OPERATOR;
import static org.trellis.api.database.CatalogRules.TENANT_ISOLATION;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.trellis.api.support.IntegrationTest;
import org.trellis.api.support.TestDatabase;

/**
 * The rules every tenant-owned table, view, function and the runtime role must follow, read from the migrated
 * catalog ({@link CatalogRules}): an object added without them fails here. Platform tables (no tenant_id), extra
 * policies and SECURITY DEFINER functions must be allowlisted explicitly. Each rule is also shown to catch an object
 * that breaks it, created on purpose and rolled back, so none of them can pass vacuously.
 */
class TenancyRulesIntegrationTest extends IntegrationTest {

    private static final String RUNTIME = TestDatabase.RUNTIME.name();

    @Autowired
    private DSLContext db;

    @Autowired
    private TransactionTemplate transactions;

    @Test
    void everyTableIsTenantOwnedOrADeclaredPlatformTable() {
        assertThat(onSchema(CatalogRules::withoutTenantId)).allMatch(CatalogRules.PLATFORM_TABLES::contains);
        assertThat(onSchema(CatalogRules::tenantOwned))
                .contains("identity_provider", "service_client", "person", "audit_event");
    }

    @Test
    void everyRelationIsInThePublicSchema() {
        assertThat(onSchema(CatalogRules::relationsOutsidePublic)).isEmpty();
    }

    @Test
    void tenantIdLeadsEveryPrimaryKey() {
        assertThat(onSchema(CatalogRules::primaryKeyNotLedByTenant)).isEmpty();
    }

    @Test
    void tenantIdLeadsEveryForeignKeyOnBothSides() {
        assertThat(onSchema(CatalogRules::foreignKeyNotLedByTenant)).isEmpty();
    }

    @Test
    void theTablesEveryEvidenceMutationAppendsToDoNotLockTheTenantRow() {
        List<String> referencing = onSchema(CatalogRules::referencingTheTenantRow);

        assertThat(referencing).contains("person", "framework", "assessment");
        assertThat(referencing)
                .doesNotContainAnyElementsOf(List.of(
                        "evidence",
                        "evidence_competency",
                        "readiness_cell",
                        "readiness_snapshot",
                        "readiness_summary",
                        "audit_event",
                        "outbox_event"));
    }

    @Test
    void tenantIdLeadsEveryIndex() {
        assertThat(onSchema(CatalogRules::indexNotLedByTenant)).isEmpty();
    }

    @Test
    void rowLevelSecurityIsEnabledAndForced() {
        assertThat(onSchema(CatalogRules::rowSecurityNotForced)).isEmpty();
    }

    @Test
    void everyTableHasExactlyTheAllowlistedPolicies() {
        assertThat(onSchema(CatalogRules::policiesOtherThanAllowed)).isEmpty();
        assertThat(onSchema(CatalogRules::tenantOwned)).containsAll(CatalogRules.EXTRA_POLICIES.keySet());
    }

    @Test
    void noViewReadsRowsWithItsOwnersRights() {
        assertThat(onSchema(CatalogRules::viewsBypassingRowSecurity)).isEmpty();
    }

    @Test
    void onlyAllowlistedSecurityDefinerFunctionsWithAPinnedSearchPathAndNoPublicExecute() {
        assertThat(onSchema(CatalogRules::definerFunctionsNotAllowed)).isEmpty();
        assertThat(onSchema(CatalogRules::definerFunctionsWithoutPinnedSearchPath))
                .isEmpty();
        assertThat(onSchema(CatalogRules::definerFunctionsExecutableByPublic)).isEmpty();
    }

    @Test
    void runtimeRoleHoldsNoTruncateReferencesOrTriggerPrivilege() {
        assertThat(onSchema(CatalogRules::runtimeRoleTablePrivileges)).isEmpty();
    }

    @Test
    void runtimeRoleHasNoPowerAboveItsGrantsAndOwnsNothing() {
        assertThat(onSchema(CatalogRules::runtimeRoleAttributes)).isEmpty();
        assertThat(onSchema(CatalogRules::ownedByRuntimeRole)).isEmpty();
    }

    /**
     * A temporary {@code identity_provider} would come before the real one inside the SECURITY DEFINER issuer lookup
     * (PostgreSQL searches pg_temp first), and outlives the transaction on a pooled connection: the runtime role
     * cannot create one.
     */
    @Test
    void runtimeRoleCannotShadowTheIssuerLookupWithATemporaryTable() {
        assertThatThrownBy(() -> transactions.execute(
                        status -> db.execute("create temporary table identity_provider (issuer text)")))
                .rootCause()
                .hasMessageContaining("permission denied to create temporary tables");
    }

    @Test
    void identifierKeysAreUuidOrBigint() {
        assertThat(onSchema(CatalogRules::idNotUuidOrBigint)).isEmpty();
    }

    @Test
    void everyKeyRuleCatchesATableThatBreaksIt() throws Exception {
        asOwner(probe -> {
            probe.execute("create table bad_probe (id text not null, tenant_id uuid not null references tenant (id),"
                    + " other_id uuid, primary key (id, tenant_id))");
            probe.execute("create index bad_probe_by_other on bad_probe (other_id)");
            probe.execute("alter table bad_probe enable row level security");
            probe.execute(
                    "create table bad_probe_child (tenant_id uuid not null, id uuid not null, probe_id text,"
                            + " primary key (tenant_id, id), foreign key (probe_id, tenant_id) references bad_probe (id, tenant_id))");
            probe.execute("create table platformless (id uuid primary key)");
            probe.execute("create schema bad_schema");
            probe.execute("create table bad_schema.elsewhere (tenant_id uuid not null, id uuid not null)");
            CatalogRules rules = new CatalogRules(probe, RUNTIME);
            assertThat(rules.withoutTenantId()).contains("platformless");
            assertThat(rules.relationsOutsidePublic()).contains("bad_schema.elsewhere");
            assertThat(rules.primaryKeyNotLedByTenant()).contains("bad_probe");
            assertThat(rules.foreignKeyNotLedByTenant()).anyMatch(name -> name.startsWith("bad_probe_child"));
            assertThat(rules.indexNotLedByTenant()).contains("bad_probe_by_other");
            assertThat(rules.rowSecurityNotForced()).contains("bad_probe", "bad_probe_child");
            assertThat(rules.idNotUuidOrBigint()).contains("bad_probe.id", "bad_probe_child.probe_id");
        });
    }

    @Test
    void thePolicyRuleCatchesEveryWayATablesPoliciesCanBeWrong() throws Exception {
        String isolated = "tenant_id = trellis_current_tenant()";
        asOwner(probe -> {
            for (String table : List.of(
                    "bad_no_policy",
                    "bad_open_to_runtime",
                    "bad_or_true",
                    "bad_no_check",
                    "bad_restrictive_only",
                    "bad_extra_restrictive",
                    "bad_select_only",
                    "bad_platform_elsewhere",
                    "bad_owner_read_elsewhere")) {
                probe.execute(
                        "create table " + table
                                + " (tenant_id uuid not null references tenant (id), id uuid not null, primary key (tenant_id, id))");
            }
            for (String table : List.of(
                    "bad_open_to_runtime",
                    "bad_extra_restrictive",
                    "bad_platform_elsewhere",
                    "bad_owner_read_elsewhere")) {
                probe.execute("create policy tenant_isolation on " + table + " using (" + isolated + ") with check ("
                        + isolated + ")");
            }
            probe.execute("create policy open_to_app on bad_open_to_runtime to " + RUNTIME + " using (true)");
            probe.execute("create policy tenant_isolation on bad_or_true using (" + isolated + " or true) with check ("
                    + isolated + ")");
            probe.execute("create policy tenant_isolation on bad_no_check using (" + isolated + ")");
            probe.execute("create policy tenant_isolation on bad_restrictive_only as restrictive using (" + isolated
                    + ") with check (" + isolated + ")");
            probe.execute("create policy narrowing on bad_extra_restrictive as restrictive using (true)");
            probe.execute("create policy tenant_isolation on bad_select_only for select using (" + isolated + ")");
            probe.execute("create policy platform_operator on bad_platform_elsewhere using"
                    + " (trellis_is_platform_operator()) with check (trellis_is_platform_operator())");
            probe.execute(
                    "create policy issuer_resolution on bad_owner_read_elsewhere for select to current_user using (true)");

            List<String> found = new CatalogRules(probe, RUNTIME).policiesOtherThanAllowed();

            assertThat(found)
                    .contains(
                            "bad_no_policy: missing " + TENANT_ISOLATION,
                            "bad_open_to_runtime: unexpected open_to_app PERMISSIVE {<runtime>} ALL USING true WITH CHECK null",
                            "bad_or_true: missing " + TENANT_ISOLATION,
                            "bad_or_true: unexpected tenant_isolation PERMISSIVE {public} ALL"
                                    + " USING ((tenant_id = trellis_current_tenant()) OR true)"
                                    + " WITH CHECK (tenant_id = trellis_current_tenant())",
                            "bad_no_check: missing " + TENANT_ISOLATION,
                            "bad_no_check: unexpected tenant_isolation PERMISSIVE {public} ALL"
                                    + " USING (tenant_id = trellis_current_tenant()) WITH CHECK null",
                            "bad_restrictive_only: missing " + TENANT_ISOLATION,
                            "bad_restrictive_only: unexpected " + TENANT_ISOLATION.replace("PERMISSIVE", "RESTRICTIVE"),
                            "bad_extra_restrictive: unexpected narrowing RESTRICTIVE {public} ALL USING true"
                                    + " WITH CHECK null",
                            "bad_select_only: missing " + TENANT_ISOLATION,
                            "bad_platform_elsewhere: unexpected " + PLATFORM_OPERATOR,
                            "bad_owner_read_elsewhere: unexpected issuer_resolution PERMISSIVE {<owner>} SELECT"
                                    + " USING true WITH CHECK null");
            assertThat(found)
                    .as("correct policies on the bad tables are not reported")
                    .noneMatch(line -> line.endsWith("unexpected " + TENANT_ISOLATION));
        });
    }

    @Test
    void theViewRuleCatchesViewsThatReadWithTheirOwnersRights() throws Exception {
        asOwner(probe -> {
            probe.execute("create view bad_definer_view as select tenant_id, id from person");
            probe.execute("create materialized view bad_snapshot as select tenant_id, id from person");
            probe.execute(
                    "create view invoker_view with (security_invoker = true) as select tenant_id, id from person");
            assertThat(new CatalogRules(probe, RUNTIME).viewsBypassingRowSecurity())
                    .contains("bad_definer_view", "bad_snapshot")
                    .doesNotContain("invoker_view");
        });
    }

    @Test
    void theFunctionRulesCatchAnUnlistedSecurityDefinerFunction() throws Exception {
        asOwner(probe -> {
            probe.execute("create function bad_count_people() returns bigint language sql security definer"
                    + " as 'select count(*) from person'");
            probe.execute("create function bad_pinned_count() returns bigint language sql security definer"
                    + " set search_path = pg_catalog, public as 'select count(*) from person'");
            probe.execute("revoke all on function bad_pinned_count() from public");
            CatalogRules rules = new CatalogRules(probe, RUNTIME);
            assertThat(rules.definerFunctionsNotAllowed()).contains("bad_count_people()", "bad_pinned_count()");
            assertThat(rules.definerFunctionsWithoutPinnedSearchPath()).contains("bad_count_people()");
            assertThat(rules.definerFunctionsExecutableByPublic())
                    .contains("bad_count_people()")
                    .doesNotContain("bad_pinned_count()");
        });
    }

    @Test
    void thePrivilegeRuleCatchesTruncateReferencesAndTriggerGrants() throws Exception {
        asOwner(probe -> {
            probe.execute("grant truncate, trigger on person to " + RUNTIME);
            probe.execute("grant references (id) on team to " + RUNTIME);
            probe.execute("grant truncate on audit_event to public");
            assertThat(new CatalogRules(probe, RUNTIME).runtimeRoleTablePrivileges())
                    .contains("person TRUNCATE", "person TRIGGER", "team REFERENCES", "audit_event TRUNCATE");
        });
    }

    @Test
    void theRoleRulesCatchARoleThatBypassesRowSecurityBelongsToTheOwnerOrOwnsSomething() throws Exception {
        String bad = "bad_runtime_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = TestDatabase.INSTANCE.connectAsAdministrator()) {
            admin.setAutoCommit(false);
            DSLContext probe = DSL.using(admin, SQLDialect.POSTGRES);
            probe.execute("create role " + bad + " nologin bypassrls");
            probe.execute("grant " + TestDatabase.OWNER.name() + " to " + bad);
            probe.execute("grant temporary on database " + TestDatabase.INSTANCE.name() + " to " + bad);
            probe.execute("create table bad_owned (id uuid primary key)");
            probe.execute("alter table bad_owned owner to " + bad);
            CatalogRules rules = new CatalogRules(probe, bad);
            assertThat(rules.runtimeRoleAttributes())
                    .contains("bypassrls", "temporary", "member of " + TestDatabase.OWNER.name());
            assertThat(rules.ownedByRuntimeRole()).contains("table bad_owned");
            admin.rollback();
        }
    }

    private <T> T onSchema(Function<CatalogRules, T> rule) {
        return transactions.execute(status -> {
            String runtime = String.valueOf(db.fetchValue("select current_user"));
            return rule.apply(new CatalogRules(db, runtime));
        });
    }

    /** Runs {@code breaking} as the schema owner (as the migrations do) in a transaction that is rolled back. */
    private static void asOwner(ThrowingConsumer<DSLContext> breaking) throws Exception {
        try (Connection owner = DriverManager.getConnection(
                TestDatabase.INSTANCE.url(), TestDatabase.OWNER.name(), TestDatabase.OWNER.password())) {
            owner.setAutoCommit(false);
            try {
                breaking.accept(DSL.using(owner, SQLDialect.POSTGRES));
            } finally {
                owner.rollback();
            }
        }
    }

    @FunctionalInterface
    private interface ThrowingConsumer<T> {
        void accept(T value) throws Exception;
    }
}
