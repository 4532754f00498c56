package org.trellis.api.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.trellis.api.support.TestDatabase;
import org.trellis.graphql.GlobalId;

/**
 * Two transactions endorsing items of the same person and competency at once both end up in the rollup: the second
 * waits for the first and rebuilds the cell from what the first committed, instead of overwriting it with a cell
 * built from a snapshot that never saw the first item.
 */
class RollupConcurrencyIntegrationTest extends ReadinessTestBase {

    @Test
    void concurrentEndorsementsOfOnePersonsCompetencyAreBothCounted() throws Exception {
        organisation("rollup-race");
        String boss = person("boss", null, "L5");
        String eve = person("eve", boss, "L3");
        UUID first = submitted("backend-services");
        UUID second = submitted("backend-services");

        try (Connection one = runtime();
                Connection two = runtime()) {
            endorseUncommitted(one, first);
            CompletableFuture<Void> concurrent = CompletableFuture.runAsync(() -> {
                try {
                    endorseUncommitted(two, second);
                    two.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(500); // the second transaction is now waiting on the first's cell
            assertThat(concurrent).isNotDone();
            one.commit();
            concurrent.get(10, TimeUnit.SECONDS);
        }

        List<String> counted = graphQl(token("boss"))
                .document("query($id: ID!) { person(id: $id) { readiness { competencies { competency { key }"
                        + " evidence { id } } } } }")
                .variable("id", eve)
                .execute()
                .path("person.readiness.competencies[0].evidence[*].id")
                .entityList(String.class)
                .get();
        assertThat(counted)
                .containsExactlyInAnyOrder(GlobalId.encode("Evidence", first), GlobalId.encode("Evidence", second));
    }

    /**
     * Endorsing takes the person's readiness lock in the statement that changes the item, even for an item linked to
     * no competency (no cell changes), because the application decides the person's readiness again after it without
     * taking the lock itself: a second transaction cannot take it until the first ends.
     */
    @Test
    void endorsingAnItemTakesItsPersonsReadinessLockWhateverItsLinks() throws Exception {
        organisation("rollup-lock");
        String boss = person("boss", null, "L5");
        UUID eve = GlobalId.decode(person("eve", boss, "L3"), "Person").orElseThrow();
        UUID item = submitted("backend-services");
        try (Connection admin = TestDatabase.INSTANCE.connectAsAdministrator();
                PreparedStatement unlink =
                        admin.prepareStatement("delete from evidence_competency where evidence_id = ?")) {
            unlink.setObject(1, item);
            assertThat(unlink.executeUpdate()).isEqualTo(1);
        }

        try (Connection one = runtime();
                Connection two = runtime()) {
            assertThat(tryLock(two, eve)).as("free before the endorsement").isTrue();
            two.rollback();
            endorseUncommitted(one, item);
            assertThat(tryLock(two, eve))
                    .as("held by the endorsing transaction")
                    .isFalse();
            two.rollback();
            one.rollback();
            assertThat(tryLock(two, eve)).as("free once it ended").isTrue();
            two.rollback();
        }
    }

    private boolean tryLock(Connection connection, UUID person) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "select pg_try_advisory_xact_lock(hashtextextended('readiness:' || ? || ':' || ?, 0))")) {
            lock.setString(1, tenant.uuid().toString());
            lock.setString(2, person.toString());
            try (var result = lock.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private UUID submitted(String key) {
        String item = graphQl(token("eve"))
                .document("mutation($c: ID!, $d: Date!) { logEvidence(input: {competencyIds: [$c], kind: CODE_REVIEW,"
                        + " title: \"Work\", occurredOn: $d}) { evidence { id } } }")
                .variable("c", competencyIds.get(key))
                .variable("d", LocalDate.now().toString())
                .execute()
                .path("logEvidence.evidence.id")
                .entity(String.class)
                .get();
        graphQl(token("eve"))
                .document(
                        "mutation($id: ID!) { submitEvidence(input: {id: $id, expectedVersion: 1}) { evidence { id } } }")
                .variable("id", item)
                .execute()
                .path("submitEvidence.evidence.id")
                .hasValue();
        return GlobalId.decode(item, "Evidence").orElseThrow();
    }

    /** In the runtime role, as the application connects: the tenant set for the transaction, RLS applying. */
    private Connection runtime() throws SQLException {
        Connection connection = DriverManager.getConnection(
                TestDatabase.INSTANCE.url(), TestDatabase.RUNTIME.name(), TestDatabase.RUNTIME.password());
        connection.setAutoCommit(false);
        return connection;
    }

    private void endorseUncommitted(Connection connection, UUID evidence) throws SQLException {
        try (PreparedStatement scope = connection.prepareStatement("select set_config('trellis.tenant_id', ?, true)")) {
            scope.setString(1, tenant.uuid().toString());
            scope.execute();
        }
        try (PreparedStatement endorse = connection.prepareStatement(
                "update evidence set status = 'ENDORSED', version = version + 1 where id = ?")) {
            endorse.setObject(1, evidence);
            assertThat(endorse.executeUpdate()).isEqualTo(1);
        }
    }
}
