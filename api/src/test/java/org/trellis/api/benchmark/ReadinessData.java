package org.trellis.api.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The readiness benchmark's data model, written straight into the database as its owner with the set-based SQL of
 * {@code benchmark/readiness-data.sql}: per tenant the 14-competency senior-role framework (copied from the first
 * target, which instantiated it through the API), teams of {@link Scale#teamSize} people with a manager each, a
 * framework assignment for everyone, evidence over the last 12 months linked to one or two competencies (about half
 * endorsed, unevenly across people and competencies), ten mentorships and an assessment cycle with self and manager
 * assessments. The rollup trigger on competency links is off while evidence is written, and every tenant's rollup is
 * then rebuilt with {@code readiness_rebuild()}, as after any bulk load. In the targets (tenants made through the API, with an identity
 * provider) the people are provisioned for that provider, so a token with subject {@code person-<n>} or
 * {@code manager-<k>} signs in as them.
 */
final class ReadinessData {

    /** Evidence items link one or two competencies, 1.4 on average. */
    static final double LINKS_PER_EVIDENCE = 1.4;

    private static final Pattern INSERT = Pattern.compile("^INSERT INTO (\\w+)", Pattern.MULTILINE);

    private ReadinessData() {}

    /**
     * How much one tenant holds: {@code people} engineers in teams of {@code teamSize}, each with about
     * {@code evidencePerCell} evidence items per competency.
     */
    record Scale(int people, int teamSize, int evidencePerCell) {

        /** Evidence items per person: 14 competencies × evidencePerCell ÷ 1.4 links each. */
        int evidencePerPerson() {
            return (int) Math.round(14 * evidencePerCell / LINKS_PER_EVIDENCE);
        }
    }

    /** A tenant created through the API (one identity provider) to be filled. */
    record Target(UUID tenantId, Scale scale) {}

    /** What a target holds: team ids by number, their managers, people by number, competency ids in framework order. */
    record Tenant(UUID id, List<UUID> teams, List<UUID> managers, List<UUID> people, List<UUID> competencies) {}

    /** The targets, and rows written per table across all tenants (readiness_cell: rollup cells rebuilt). */
    record Generated(List<Tenant> targets, int tenants, Map<String, Long> rows, double seconds) {}

    /**
     * Fills the targets (the first one's published framework is the template for all) and {@code more} tenants
     * created here at {@code moreScale} in one transaction, vacuums and analyzes what it wrote, then rebuilds each
     * tenant's rollup in a transaction of its own. The rebuild's query per cell needs the fresh statistics: without
     * them it took 28 s a tenant instead of 1 s.
     */
    static Generated generate(Connection owner, List<Target> targets, int more, Scale moreScale) throws SQLException {
        long start = System.nanoTime();
        Map<String, List<String>> sql = sections();
        Map<String, Long> rows = new LinkedHashMap<>();
        List<Target> all = new ArrayList<>(targets);
        List<Tenant> filled = new ArrayList<>();
        owner.setAutoCommit(false);
        try {
            inTenant(owner, targets.getFirst().tenantId());
            run(owner, sql.get("setup"), rows);
            all.addAll(newTenants(owner, more, moreScale));
            for (Target tenant : all) {
                inTenant(owner, tenant.tenantId());
                context(owner, tenant);
                if (tenant != all.getFirst()) {
                    run(owner, sql.get("framework"), rows);
                }
                run(owner, sql.get("tenant"), rows);
            }
            run(owner, sql.get("close"), rows);
            for (Target target : targets) {
                filled.add(read(owner, target.tenantId()));
            }
            owner.commit();
        } catch (SQLException | RuntimeException e) {
            owner.rollback();
            throw e;
        }
        Set<String> written = new TreeSet<>(rows.keySet());
        written.addAll(List.of("tenant", "mentorship", "mentor_capacity"));
        vacuum(owner, written);
        owner.setAutoCommit(false);
        for (Target tenant : all) {
            inTenant(owner, tenant.tenantId());
            try (Statement rebuild = owner.createStatement();
                    ResultSet cells = rebuild.executeQuery(sql.get("finish").getFirst())) {
                cells.next();
                rows.merge("readiness_cell", cells.getLong(1), Long::sum);
            }
            owner.commit();
        }
        vacuum(owner, List.of("readiness_cell"));
        return new Generated(filled, all.size(), rows, (System.nanoTime() - start) / 1e9);
    }

    /** The tenant being written, its identity provider if it has one, and its scale, for the SQL to read. */
    private static void context(Connection owner, Target tenant) throws SQLException {
        try (Statement truncate = owner.createStatement()) {
            truncate.execute("TRUNCATE g_ctx");
        }
        try (PreparedStatement context = owner.prepareStatement(
                "INSERT INTO g_ctx (tenant_id, identity_provider_id, people, team_size, evidence_per_person)"
                        + " SELECT ?, (SELECT id FROM identity_provider WHERE tenant_id = ? ORDER BY created_at"
                        + " LIMIT 1), ?, ?, ?")) {
            context.setObject(1, tenant.tenantId());
            context.setObject(2, tenant.tenantId());
            context.setInt(3, tenant.scale().people());
            context.setInt(4, tenant.scale().teamSize());
            context.setInt(5, tenant.scale().evidencePerPerson());
            context.execute();
        }
    }

    /** As after any bulk load: statistics for the planner, and visibility maps for index-only scans. */
    private static void vacuum(Connection owner, Collection<String> tables) throws SQLException {
        owner.setAutoCommit(true);
        try (Statement vacuum = owner.createStatement()) {
            vacuum.execute("VACUUM (ANALYZE) " + String.join(", ", tables));
        }
    }

    private static List<Target> newTenants(Connection owner, int count, Scale scale) throws SQLException {
        List<Target> created = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (PreparedStatement insert = owner.prepareStatement(
                "INSERT INTO tenant (id, slug, name) SELECT gen_random_uuid(), 'generated-' || ? || '-' || n,"
                        + " 'Generated ' || n FROM generate_series(1, ?) n RETURNING id")) {
            insert.setString(1, run);
            insert.setInt(2, count);
            try (ResultSet ids = insert.executeQuery()) {
                while (ids.next()) {
                    created.add(new Target(ids.getObject(1, UUID.class), scale));
                }
            }
        }
        return created;
    }

    private static Tenant read(Connection owner, UUID tenant) throws SQLException {
        return new Tenant(
                tenant,
                ids(owner, "SELECT id FROM g_team WHERE tenant_id = ? ORDER BY k", tenant),
                ids(owner, "SELECT manager_id FROM g_team WHERE tenant_id = ? ORDER BY k", tenant),
                ids(owner, "SELECT id FROM g_person WHERE tenant_id = ? ORDER BY n", tenant),
                ids(owner, "SELECT id FROM g_competency WHERE tenant_id = ? ORDER BY idx", tenant));
    }

    private static List<UUID> ids(Connection owner, String query, UUID tenant) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement select = owner.prepareStatement(query)) {
            select.setObject(1, tenant);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    /** Row-level security stays forced for the owner: every statement runs in the tenant it writes. */
    private static void inTenant(Connection owner, UUID tenant) throws SQLException {
        try (PreparedStatement set = owner.prepareStatement("SELECT set_config('trellis.tenant_id', ?, true)")) {
            set.setString(1, tenant.toString());
            set.execute();
        }
    }

    private static void run(Connection owner, List<String> statements, Map<String, Long> rows) throws SQLException {
        try (Statement statement = owner.createStatement()) {
            for (String sql : statements) {
                int count = statement.executeUpdate(sql);
                Matcher insert = INSERT.matcher(sql);
                if (insert.find() && !insert.group(1).startsWith("g_")) {
                    rows.merge(insert.group(1), (long) count, Long::sum);
                }
            }
        }
    }

    /** The statements of each {@code -- @name} section, split at a {@code ;} that ends a line. */
    static Map<String, List<String>> sections() {
        String text;
        try (InputStream in = ReadinessData.class.getResourceAsStream("/benchmark/readiness-data.sql")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        StringBuilder statement = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith("-- @")) {
                current = sections.computeIfAbsent(line.substring(4).strip(), k -> new ArrayList<>());
            } else if (current != null && !line.startsWith("--") && !line.isBlank()) {
                statement.append(line).append('\n');
                if (line.stripTrailing().endsWith(";")) {
                    current.add(statement.toString().strip().replaceAll(";$", ""));
                    statement.setLength(0);
                }
            }
        }
        return sections;
    }
}
