package org.trellis.api.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.trellis.api.support.TestDatabase;
import org.trellis.graphql.GlobalId;

/**
 * An endorsement adds its item to the cell instead of rebuilding it (inserted at its place since migration 037);
 * removals rebuild it. Whatever the
 * order of endorsements, links and removals, the kept cells are exactly what {@code readiness_rebuild()} computes from
 * the evidence, also for a cell past its 100 items, where only the newest 100 are kept.
 */
class RollupIncrementalIntegrationTest extends ReadinessTestBase {

    private static final String CELLS = "select competency_id, evidence_ids, kinds, occurred_on, latest_on"
            + " from readiness_cell where person_id = ? order by competency_id";
    private static final List<String> KINDS = List.of("CODE_REVIEW", "DESIGN_DOC", "INCIDENT_RESPONSE", "MENTORING");

    @Test
    void keptCellsEqualACellRebuiltFromTheEvidenceWhateverTheOrderOfChanges() throws Exception {
        organisation("rollup-incremental");
        UUID eve = GlobalId.decode(person("eve", null, "L3"), "Person").orElseThrow();
        UUID busy = GlobalId.decode(competencyIds.get("backend-services"), "Competency")
                .orElseThrow();
        UUID quiet = GlobalId.decode(competencyIds.get("technical-design"), "Competency")
                .orElseThrow();
        Random random = new Random(28);
        try (Connection db = runtime()) {
            List<UUID> items = new ArrayList<>();
            Map<UUID, UUID> linked = new HashMap<>();
            for (int i = 0; i < 180; i++) {
                // Many items share a date, so the id breaks ties as in a rebuild.
                UUID competency = i % 3 == 0 ? quiet : busy;
                UUID item = draft(db, eve, LocalDate.now().minusDays(random.nextInt(60)), competency);
                items.add(item);
                linked.put(item, competency);
            }
            Collections.shuffle(items, random);
            for (UUID item : items) {
                update(db, "update evidence set status = 'ENDORSED', version = version + 1 where id = ?", item);
            }
            // Removals and changes, which rebuild: no longer endorsed, redated, relinked, unlinked.
            update(db, "update evidence set status = 'REJECTED', version = version + 1 where id = ?", items.get(0));
            update(
                    db,
                    "update evidence set occurred_on = current_date, version = version + 1 where id = ?",
                    items.get(1));
            update(db, "update evidence set kind = 'RELEASE', version = version + 1 where id = ?", items.get(2));
            update(db, "delete from evidence_competency where evidence_id = ?", items.get(3));
            try (PreparedStatement link = db.prepareStatement(
                    "insert into evidence_competency (tenant_id, evidence_id, competency_id) values (?, ?, ?)")) {
                link.setObject(1, tenant.uuid());
                link.setObject(2, items.get(4));
                link.setObject(3, linked.get(items.get(4)).equals(busy) ? quiet : busy);
                link.executeUpdate();
            }

            List<List<Object>> kept = cells(db, eve);
            assertThat(kept).hasSize(2);
            assertThat(kept)
                    .allSatisfy(
                            cell -> assertThat(((Object[]) cell.get(1)).length).isLessThanOrEqualTo(100));
            assertThat(kept)
                    .anySatisfy(
                            cell -> assertThat(((Object[]) cell.get(1)).length).isEqualTo(100));
            rebuild(db);
            assertThat(cells(db, eve)).usingRecursiveComparison().isEqualTo(kept);
            db.rollback();
        }
    }

    @Test
    void itemsEndorsedNewestLastArePutFirstAsARebuildOrdersThemTiesByIdPastTheHundredth() throws Exception {
        organisation("rollup-newest-first");
        UUID dan = GlobalId.decode(person("dan", null, "L3"), "Person").orElseThrow();
        UUID busy = GlobalId.decode(competencyIds.get("backend-services"), "Competency")
                .orElseThrow();
        try (Connection db = runtime()) {
            List<UUID> items = new ArrayList<>();
            Map<UUID, LocalDate> dates = new HashMap<>();
            for (int i = 0; i < 130; i++) {
                // Three items a day, oldest day first: each day's first endorsement is newest (put first); its
                // others tie on the date and go first only when their id is the smaller one.
                LocalDate on = LocalDate.now().minusDays(60 - i / 3);
                UUID item = draft(db, dan, on, busy);
                items.add(item);
                dates.put(item, on);
            }
            // A rebuild's order: newest first, then by id as PostgreSQL orders uuids (their text's order).
            Comparator<UUID> newestFirst = Comparator.comparing((UUID item) -> dates.get(item))
                    .reversed()
                    .thenComparing(UUID::toString);
            List<UUID> endorsed = new ArrayList<>();
            for (UUID item : items) {
                update(db, "update evidence set status = 'ENDORSED', version = version + 1 where id = ?", item);
                endorsed.add(item);
                assertThat(((Object[]) cells(db, dan).getFirst().get(1))[0])
                        .isEqualTo(endorsed.stream().min(newestFirst).orElseThrow());
            }
            List<List<Object>> prepended = cells(db, dan);
            rebuild(db);
            assertThat(cells(db, dan)).usingRecursiveComparison().isEqualTo(prepended);

            // An item is inserted where the order puts it, the others left as they are, where a merge would sort them
            // all again: put the second and third out of order, and a newer item goes first with the rest as they were.
            update(
                    db,
                    "update readiness_cell set evidence_ids = " + swapSecondAndThird("evidence_ids") + ", kinds = "
                            + swapSecondAndThird("kinds") + ", occurred_on = " + swapSecondAndThird("occurred_on")
                            + " where person_id = ?",
                    dan);
            List<Object> swapped = cells(db, dan).getFirst();
            assertThat(((Object[]) swapped.get(1))[1])
                    .isEqualTo(((Object[]) prepended.getFirst().get(1))[2]);
            UUID newest = draft(db, dan, LocalDate.now(), busy);
            update(db, "update evidence set status = 'ENDORSED', version = version + 1 where id = ?", newest);
            List<Object> after = cells(db, dan).getFirst();
            assertThat(((Object[]) after.get(1))[0]).isEqualTo(newest);
            for (int column = 1; column <= 3; column++) {
                Object[] before = (Object[]) swapped.get(column);
                assertThat(Arrays.copyOfRange((Object[]) after.get(column), 1, 100))
                        .containsExactly(Arrays.copyOfRange(before, 0, 99));
            }
            // An item already in the cell, added again with another date, is taken out and put at its new place.
            UUID moved = (UUID) ((Object[]) after.get(1))[50];
            List<UUID> expected = new ArrayList<>();
            Map<UUID, LocalDate> on = new HashMap<>();
            for (int i = 0; i < 100; i++) {
                UUID item = (UUID) ((Object[]) after.get(1))[i];
                on.put(item, ((Date) ((Object[]) after.get(3))[i]).toLocalDate());
                if (!item.equals(moved)) {
                    expected.add(item);
                }
            }
            on.put(moved, LocalDate.now());
            long ahead = expected.stream()
                    .filter(item -> on.get(item).isAfter(LocalDate.now())
                            || (on.get(item).equals(LocalDate.now())
                                    && item.toString().compareTo(moved.toString()) < 0))
                    .count();
            expected.add((int) ahead, moved);
            try (PreparedStatement add = db.prepareStatement("select readiness_add(?, ?, ?, ?, 'MENTORING', ?)")) {
                add.setObject(1, tenant.uuid());
                add.setObject(2, dan);
                add.setObject(3, busy);
                add.setObject(4, moved);
                add.setObject(5, LocalDate.now());
                add.execute();
            }
            assertThat((Object[]) cells(db, dan).getFirst().get(1)).containsExactlyElementsOf(expected);

            // Endorsing one again (withdrawn, then endorsed) while it is no longer the newest puts it back at its
            // place.
            update(db, "update evidence set status = 'SUBMITTED', version = version + 1 where id = ?", items.get(120));
            update(db, "update evidence set status = 'ENDORSED', version = version + 1 where id = ?", items.get(120));

            List<List<Object>> kept = cells(db, dan);
            assertThat(kept)
                    .singleElement()
                    .satisfies(cell -> assertThat((Object[]) cell.get(1))
                            .hasSize(100)
                            .contains(items.get(120))
                            .doesNotContain(items.get(0)));
            rebuild(db);
            assertThat(cells(db, dan)).usingRecursiveComparison().isEqualTo(kept);
            db.rollback();
        }
    }

    private UUID draft(Connection db, UUID person, LocalDate on, UUID competency) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = db.prepareStatement("insert into evidence (tenant_id, id, person_id, logged_by,"
                        + " on_behalf, kind, title, description, occurred_on, impact, source, status)"
                        + " values (?, ?, ?, 'test', false, ?, 'Work', '', ?, 'TEAM', 'MANUAL', 'SUBMITTED')");
                PreparedStatement link = db.prepareStatement(
                        "insert into evidence_competency (tenant_id, evidence_id, competency_id) values (?, ?, ?)")) {
            insert.setObject(1, tenant.uuid());
            insert.setObject(2, id);
            insert.setObject(3, person);
            insert.setString(4, KINDS.get(Math.floorMod(id.hashCode(), KINDS.size())));
            insert.setObject(5, on);
            insert.executeUpdate();
            link.setObject(1, tenant.uuid());
            link.setObject(2, id);
            link.setObject(3, competency);
            link.executeUpdate();
        }
        return id;
    }

    private static void update(Connection db, String sql, UUID id) throws SQLException {
        try (PreparedStatement update = db.prepareStatement(sql)) {
            update.setObject(1, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static String swapSecondAndThird(String column) {
        return "%1$s[1:1] || %1$s[3:3] || %1$s[2:2] || %1$s[4:]".formatted(column);
    }

    private static void rebuild(Connection db) throws SQLException {
        try (PreparedStatement rebuild = db.prepareStatement("select readiness_rebuild()")) {
            rebuild.execute();
        }
    }

    private static List<List<Object>> cells(Connection db, UUID person) throws SQLException {
        List<List<Object>> cells = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement(CELLS)) {
            select.setObject(1, person);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    cells.add(List.of(
                            rows.getObject(1),
                            array(rows.getArray(2)),
                            array(rows.getArray(3)),
                            array(rows.getArray(4)),
                            String.valueOf(rows.getObject(5))));
                }
            }
        }
        return cells;
    }

    private static Object[] array(Array array) throws SQLException {
        return (Object[]) array.getArray();
    }

    /** In the runtime role, as the application connects, scoped to the tenant for one transaction. */
    private Connection runtime() throws SQLException {
        Connection connection = DriverManager.getConnection(
                TestDatabase.INSTANCE.url(), TestDatabase.RUNTIME.name(), TestDatabase.RUNTIME.password());
        connection.setAutoCommit(false);
        try (PreparedStatement scope = connection.prepareStatement("select set_config('trellis.tenant_id', ?, true)")) {
            scope.setString(1, tenant.uuid().toString());
            scope.execute();
        }
        return connection;
    }
}
