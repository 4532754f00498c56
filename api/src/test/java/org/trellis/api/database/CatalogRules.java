package org.trellis.api.database;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;

/**
 * The tenancy rules, read from the PostgreSQL catalog through {@code db}: each rule lists what breaks it, so an empty
 * list means the schema follows it. {@code runtimeRole} is the role the application connects as; it is named rather
 * than taken from {@code current_user} so that the rules read the same through the owner's connection.
 *
 * <p>Policies are compared as text, exactly: {@code pg_policies} gives the expressions deparsed by PostgreSQL (so
 * spacing and parentheses are canonical), and a role that owns the table or is the runtime role is written as
 * {@code <owner>} or {@code <runtime>}, so the allowlist does not depend on deployment role names.
 */
record CatalogRules(DSLContext db, String runtimeRole) {

    /** Tables without tenant_id, each a deliberate platform table. */
    static final Set<String> PLATFORM_TABLES = Set.of("tenant", "issuer_claim", "shedlock", "outbound_due");

    /** The one policy every tenant-owned table has: its rows, read and written, belong to the transaction's tenant. */
    static final String TENANT_ISOLATION = "tenant_isolation PERMISSIVE {public} ALL"
            + " USING (tenant_id = trellis_current_tenant()) WITH CHECK (tenant_id = trellis_current_tenant())";

    static final String PLATFORM_OPERATOR = "platform_operator PERMISSIVE {public} ALL"
            + " USING trellis_is_platform_operator() WITH CHECK trellis_is_platform_operator()";

    /**
     * The registry tables platform operators manage across tenants, and the SECURITY DEFINER issuer lookup's read
     * (granted to the owner the function runs as, for SELECT only). No other table has any other policy.
     */
    static final Map<String, Set<String>> EXTRA_POLICIES = Map.of(
            "identity_provider",
            Set.of(PLATFORM_OPERATOR, "issuer_resolution PERMISSIVE {<owner>} SELECT USING true WITH CHECK null"),
            "service_client",
            Set.of(PLATFORM_OPERATOR),
            "audit_event",
            Set.of(PLATFORM_OPERATOR));

    /** SECURITY DEFINER functions allowed, with the search_path each must pin. */
    static final Map<String, String> DEFINER_FUNCTIONS =
            Map.of("identity_providers_by_issuer(text)", "search_path=pg_catalog, public, pg_temp");

    private static final String USER_SCHEMA = "n.nspname not in ('pg_catalog', 'information_schema')"
            + " and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'";
    private static final String TENANT_ATTNUM =
            "(select attnum from pg_attribute where attrelid = %s and attname = 'tenant_id')";

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

    /** Relations outside {@code public}, where the tenant-table rules (which read {@code public}) would miss them. */
    List<String> relationsOutsidePublic() {
        return names("select c.oid::regclass::text from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where " + USER_SCHEMA + " and n.nspname <> 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f')");
    }

    List<String> primaryKeyNotLedByTenant() {
        return onTenantTables("select c.relname from pg_class c where c.relname = any(?) and not exists ("
                + " select 1 from pg_constraint k where k.conrelid = c.oid and k.contype = 'p'"
                + " and k.conkey[1] = " + TENANT_ATTNUM.formatted("c.oid") + ")");
    }

    List<String> foreignKeyNotLedByTenant() {
        return onTenantTables("select k.conname from pg_constraint k join pg_class c on c.oid = k.conrelid"
                + " where k.contype = 'f' and c.relname = any(?)"
                + " and (k.conkey[1] <> " + TENANT_ATTNUM.formatted("c.oid")
                + " or (k.confrelid <> 'tenant'::regclass and k.confkey[1] <> "
                + TENANT_ATTNUM.formatted("k.confrelid") + "))");
    }

    /** Tenant-owned tables with a foreign key to {@code tenant}: each insert into them locks the tenant's row. */
    List<String> referencingTheTenantRow() {
        return onTenantTables("select distinct c.relname from pg_constraint k join pg_class c on c.oid = k.conrelid"
                + " where k.contype = 'f' and k.confrelid = 'tenant'::regclass and c.relname = any(?)");
    }

    List<String> indexNotLedByTenant() {
        return onTenantTables("select i.relname from pg_index x join pg_class c on c.oid = x.indrelid"
                + " join pg_class i on i.oid = x.indexrelid"
                + " where c.relname = any(?) and x.indkey[0] <> " + TENANT_ATTNUM.formatted("c.oid"));
    }

    List<String> rowSecurityNotForced() {
        return onTenantTables(
                "select relname from pg_class where relname = any(?) and not (relrowsecurity and relforcerowsecurity)");
    }

    /**
     * Every difference between the policies in the catalog and the allowlist: each tenant-owned table has exactly
     * {@link #TENANT_ISOLATION} plus its {@link #EXTRA_POLICIES}; any other table has none. Each entry reads
     * {@code table: missing <policy>} or {@code table: unexpected <policy>}.
     */
    List<String> policiesOtherThanAllowed() {
        Map<String, Set<String>> expected = new HashMap<>();
        for (String table : tenantOwned()) {
            Set<String> policies = new TreeSet<>(EXTRA_POLICIES.getOrDefault(table, Set.of()));
            policies.add(TENANT_ISOLATION);
            expected.put(table, policies);
        }
        Map<String, Set<String>> actual = new HashMap<>();
        db.fetch("""
                        select c.oid::regclass::text,
                               p.policyname || ' ' || p.permissive || ' '
                               || array(select case when r = pg_get_userbyid(c.relowner) then '<owner>'
                                                    when r = ? then '<runtime>' else r::text end
                                          from unnest(p.roles) r order by 1)::text
                               || ' ' || p.cmd
                               || ' USING ' || coalesce(regexp_replace(p.qual, '\\s+', ' ', 'g'), 'null')
                               || ' WITH CHECK ' || coalesce(regexp_replace(p.with_check, '\\s+', ' ', 'g'), 'null')
                          from pg_policies p
                          join pg_namespace n on n.nspname = p.schemaname
                          join pg_class c on c.relnamespace = n.oid and c.relname = p.tablename
                        """, runtimeRole)
                .forEach(row -> actual.computeIfAbsent(row.get(0, String.class), t -> new TreeSet<>())
                        .add(row.get(1, String.class)));
        List<String> differences = new ArrayList<>();
        Set<String> tables = new TreeSet<>(expected.keySet());
        tables.addAll(actual.keySet());
        for (String table : tables) {
            Set<String> want = expected.getOrDefault(table, Set.of());
            Set<String> have = actual.getOrDefault(table, Set.of());
            want.stream()
                    .filter(policy -> !have.contains(policy))
                    .forEach(policy -> differences.add(table + ": missing " + policy));
            have.stream()
                    .filter(policy -> !want.contains(policy))
                    .forEach(policy -> differences.add(table + ": unexpected " + policy));
        }
        return differences;
    }

    /**
     * Views that would read tenant rows with their owner's rights: every view must be {@code security_invoker}, so
     * row-level security applies to the caller. Materialized views and foreign tables, which row-level security
     * does not cover, are not allowed at all.
     */
    List<String> viewsBypassingRowSecurity() {
        return names("select c.oid::regclass::text from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where " + USER_SCHEMA + " and (c.relkind in ('m', 'f') or (c.relkind = 'v' and not exists ("
                + " select 1 from unnest(c.reloptions) o"
                + " where lower(o) in ('security_invoker=true', 'security_invoker=on', 'security_invoker=1'))))");
    }

    /** SECURITY DEFINER functions not in {@link #DEFINER_FUNCTIONS}. */
    List<String> definerFunctionsNotAllowed() {
        List<String> found = definerFunctions();
        found.removeAll(DEFINER_FUNCTIONS.keySet());
        return found;
    }

    /** SECURITY DEFINER functions whose search_path is not pinned to the allowlisted value. */
    List<String> definerFunctionsWithoutPinnedSearchPath() {
        return db
                .fetch("select p.oid::regprocedure::text, coalesce(array_to_string(p.proconfig, chr(10)), '')"
                        + " from pg_proc p join pg_namespace n on n.oid = p.pronamespace where " + USER_SCHEMA
                        + " and p.prosecdef")
                .stream()
                .filter(row -> {
                    String pinned = DEFINER_FUNCTIONS.get(row.get(0, String.class));
                    return pinned == null
                            || !List.of(row.get(1, String.class).split("\n")).contains(pinned);
                })
                .map(row -> row.get(0, String.class))
                .toList();
    }

    /** SECURITY DEFINER functions anyone may execute (EXECUTE not revoked from PUBLIC). */
    List<String> definerFunctionsExecutableByPublic() {
        return names("select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace"
                + " where " + USER_SCHEMA + " and p.prosecdef and exists ("
                + " select 1 from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a"
                + " where a.grantee = 0 and a.privilege_type = 'EXECUTE')");
    }

    /**
     * Table privileges the runtime role must not hold, directly, through PUBLIC or through a role: TRUNCATE
     * (ignores row-level security), REFERENCES (probes other rows through constraints) and TRIGGER.
     */
    List<String> runtimeRoleTablePrivileges() {
        return names("""
                select c.oid::regclass::text || ' ' || p.privilege
                  from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 cross join unnest(array['TRUNCATE', 'REFERENCES', 'TRIGGER']) p(privilege)
                 where %s and c.relkind in ('r', 'p', 'v', 'm', 'f')
                   and case when p.privilege = 'REFERENCES' then has_any_column_privilege(?, c.oid, p.privilege)
                            else has_table_privilege(?, c.oid, p.privilege) end
                """.formatted(USER_SCHEMA), runtimeRole, runtimeRole);
    }

    /**
     * What lifts the runtime role above row-level security or its grants: superuser, BYPASSRLS, creating roles or
     * databases, membership of another role, or creating temporary tables (which the SECURITY DEFINER lookup would
     * find before the real ones).
     */
    List<String> runtimeRoleAttributes() {
        return names("""
                select a from pg_roles r, lateral (values
                    (case when r.rolsuper then 'superuser' end),
                    (case when r.rolbypassrls then 'bypassrls' end),
                    (case when r.rolcreaterole then 'createrole' end),
                    (case when r.rolcreatedb then 'createdb' end),
                    (case when has_database_privilege(r.oid, current_database(), 'TEMPORARY') then 'temporary' end)) v(a)
                 where r.rolname = ? and a is not null
                union all
                select 'member of ' || g.rolname from pg_auth_members m
                  join pg_roles r on r.oid = m.member join pg_roles g on g.oid = m.roleid
                 where r.rolname = ?
                """, runtimeRole, runtimeRole);
    }

    /** Everything the runtime role owns, in this database or cluster-wide: it must own nothing. */
    List<String> ownedByRuntimeRole() {
        return names("""
                select pg_describe_object(d.classid, d.objid, d.objsubid) from pg_shdepend d
                 where d.deptype = 'o' and d.refclassid = 'pg_authid'::regclass
                   and d.refobjid = (select oid from pg_roles where rolname = ?)
                   and d.dbid in (0, (select oid from pg_database where datname = current_database()))
                """, runtimeRole);
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

    private List<String> definerFunctions() {
        return names("select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace"
                + " where " + USER_SCHEMA + " and p.prosecdef");
    }

    private List<String> onTenantTables(String sql) {
        return names(sql, (Object) tenantOwned().toArray(String[]::new));
    }

    private List<String> names(String sql, Object... bindings) {
        return new ArrayList<>(db.fetch(sql, bindings).getValues(0, String.class));
    }
}
