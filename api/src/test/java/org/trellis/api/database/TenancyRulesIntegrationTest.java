package org.trellis.api.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Set;
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
 * The rules every tenant-owned table must follow, read from the migrated catalog: a table added without them fails
 * here. Platform tables (no tenant_id) must be listed explicitly. Each rule is also shown to catch a table that
 * breaks it, so none of them can pass vacuously.
 */
class TenancyRulesIntegrationTest extends IntegrationTest {

    private static final Set<String> PLATFORM_TABLES = Set.of("tenant");
    private static final String TENANT_ATTNUM =
            "(select attnum from pg_attribute where attrelid = %s and attname = 'tenant_id')";

    @Autowired
    private DSLContext db;

    @Autowired
    private TransactionTemplate transactions;

    @Test
    void everyTableIsTenantOwnedOrADeclaredPlatformTable() {
        assertThat(onSchema(Rules::withoutTenantId)).allMatch(PLATFORM_TABLES::contains);
        assertThat(onSchema(Rules::tenantOwned))
                .contains("identity_provider", "service_client", "person", "audit_event");
    }

    @Test
    void tenantIdLeadsEveryPrimaryKey() {
        assertThat(onSchema(Rules::primaryKeyNotLedByTenant)).isEmpty();
    }

    @Test
    void tenantIdLeadsEveryForeignKeyOnBothSides() {
        assertThat(onSchema(Rules::foreignKeyNotLedByTenant)).isEmpty();
    }

    @Test
    void tenantIdLeadsEveryIndex() {
        assertThat(onSchema(Rules::indexNotLedByTenant)).isEmpty();
    }

    @Test
    void rowLevelSecurityIsEnabledAndForced() {
        assertThat(onSchema(Rules::rowSecurityNotForced)).isEmpty();
    }

    @Test
    void everyTenantOwnedTableHasATenantPolicyForReadsAndWrites() {
        assertThat(onSchema(Rules::withoutTenantPolicy)).isEmpty();
    }

    @Test
    void noPolicyOpensRowsUnconditionally() {
        assertThat(onSchema(Rules::unconditionalPolicy)).isEmpty();
    }

    @Test
    void identifierKeysAreUuidOrBigint() {
        assertThat(onSchema(Rules::idNotUuidOrBigint)).isEmpty();
    }

    @Test
    void everyRuleCatchesATableThatBreaksIt() throws Exception {
        try (Connection owner = DriverManager.getConnection(
                TestDatabase.INSTANCE.url(), TestDatabase.OWNER.name(), TestDatabase.OWNER.password())) {
            owner.setAutoCommit(false);
            DSLContext probe = DSL.using(owner, SQLDialect.POSTGRES);
            probe.execute("create table bad_probe (id text not null, tenant_id uuid not null references tenant (id),"
                    + " other_id uuid, primary key (id, tenant_id))");
            probe.execute("create index bad_probe_by_other on bad_probe (other_id)");
            probe.execute("alter table bad_probe enable row level security");
            probe.execute("create policy open_to_all on bad_probe using (true)");
            probe.execute(
                    "create table bad_probe_child (tenant_id uuid not null, id uuid not null, probe_id text,"
                            + " primary key (tenant_id, id), foreign key (probe_id, tenant_id) references bad_probe (id, tenant_id))");
            probe.execute("create table platformless (id uuid primary key)");
            Rules rules = new Rules(probe);
            assertThat(rules.withoutTenantId()).contains("platformless");
            assertThat(rules.primaryKeyNotLedByTenant()).contains("bad_probe");
            assertThat(rules.foreignKeyNotLedByTenant()).anyMatch(name -> name.startsWith("bad_probe_child"));
            assertThat(rules.indexNotLedByTenant()).contains("bad_probe_by_other");
            assertThat(rules.rowSecurityNotForced()).contains("bad_probe", "bad_probe_child");
            assertThat(rules.withoutTenantPolicy()).contains("bad_probe", "bad_probe_child");
            assertThat(rules.unconditionalPolicy()).contains("bad_probe.open_to_all");
            assertThat(rules.idNotUuidOrBigint()).contains("bad_probe.id", "bad_probe_child.probe_id");
            owner.rollback();
        }
    }

    private List<String> onSchema(Function<Rules, List<String>> rule) {
        return transactions.execute(status -> rule.apply(new Rules(db)));
    }

    /** Each rule lists what breaks it, read from the catalog through {@code db}. */
    private record Rules(DSLContext db) {

        List<String> tenantOwned() {
            return names("""
                    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = 'public' and c.relkind in ('r', 'p')
                       and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id')
                    """);
        }

        List<String> withoutTenantId() {
            return names("""
                    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname not like 'databasechangelog%'
                       and not exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id'
                                       and a.atttypid = 'uuid'::regtype and a.attnotnull)
                    """);
        }

        List<String> primaryKeyNotLedByTenant() {
            return names("select c.relname from pg_class c where c.relname = any(?) and not exists ("
                    + " select 1 from pg_constraint k where k.conrelid = c.oid and k.contype = 'p'"
                    + " and k.conkey[1] = " + TENANT_ATTNUM.formatted("c.oid") + ")");
        }

        List<String> foreignKeyNotLedByTenant() {
            return names("select k.conname from pg_constraint k join pg_class c on c.oid = k.conrelid"
                    + " where k.contype = 'f' and c.relname = any(?)"
                    + " and (k.conkey[1] <> " + TENANT_ATTNUM.formatted("c.oid")
                    + " or (k.confrelid <> 'tenant'::regclass and k.confkey[1] <> "
                    + TENANT_ATTNUM.formatted("k.confrelid") + "))");
        }

        List<String> indexNotLedByTenant() {
            return names("select i.relname from pg_index x join pg_class c on c.oid = x.indrelid"
                    + " join pg_class i on i.oid = x.indexrelid"
                    + " where c.relname = any(?) and x.indkey[0] <> " + TENANT_ATTNUM.formatted("c.oid"));
        }

        List<String> rowSecurityNotForced() {
            return names(
                    "select relname from pg_class where relname = any(?) and not (relrowsecurity and relforcerowsecurity)");
        }

        List<String> withoutTenantPolicy() {
            return names("""
                    select c.relname from pg_class c where c.relname = any(?) and not exists (
                      select 1 from pg_policy p where p.polrelid = c.oid and p.polcmd = '*' and p.polroles = '{0}'
                         and pg_get_expr(p.polqual, p.polrelid) like '%trellis_current_tenant()%'
                         and pg_get_expr(p.polwithcheck, p.polrelid) like '%trellis_current_tenant()%')
                    """);
        }

        List<String> unconditionalPolicy() {
            return names("""
                    select c.relname || '.' || p.polname from pg_policy p join pg_class c on c.oid = p.polrelid
                     where c.relname = any(?) and p.polroles = '{0}'
                       and pg_get_expr(p.polqual, p.polrelid) not like '%trellis_current_tenant()%'
                       and pg_get_expr(p.polqual, p.polrelid) not like '%trellis_is_platform_operator()%'
                    """);
        }

        List<String> idNotUuidOrBigint() {
            return names("""
                    select c.relname || '.' || a.attname from pg_attribute a join pg_class c on c.oid = a.attrelid
                     join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
                       and (a.attname = 'id' or a.attname like '%\\_id' escape '\\')
                       and exists (select 1 from pg_constraint k where k.conrelid = c.oid and k.contype in ('p', 'f')
                                   and a.attnum = any(k.conkey))
                       and a.atttypid not in ('uuid'::regtype, 'bigint'::regtype)
                       and c.relname not like 'databasechangelog%'
                    """);
        }

        private List<String> names(String sql) {
            return sql.contains("?")
                    ? db.fetch(sql, (Object) tenantOwned().toArray(String[]::new))
                            .getValues(0, String.class)
                    : db.fetch(sql).getValues(0, String.class);
        }
    }
}
