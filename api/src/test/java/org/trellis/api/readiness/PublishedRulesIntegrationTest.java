package org.trellis.api.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.trellis.api.readiness.ReadinessInputs.RuleRow;
import org.trellis.api.shared.CallerScope;
import org.trellis.api.support.TestDatabase;
import org.trellis.graphql.GlobalId;

/**
 * Rules of published levels are read once and then kept, per tenant; a draft's are read afresh every time, so an
 * edit shows at once.
 */
class PublishedRulesIntegrationTest extends ReadinessTestBase {

    @Autowired
    private PublishedRules rules;

    @Autowired
    private TransactionTemplate transactions;

    @BeforeEach
    void setUp() {
        organisation("published-rules");
    }

    @Test
    void aPublishedLevelsRulesAreReadOnceAndThenKept() {
        List<UUID> levels = levelsOf(version);

        int firstRead = statements(() -> rules.of(levels));
        Map<UUID, List<RuleRow>> kept = inTenant(tenant.uuid(), () -> rules.of(levels));
        int secondRead = statements(() -> rules.of(levels));

        assertThat(kept).containsOnlyKeys(levels);
        assertThat(kept.values()).allSatisfy(level -> assertThat(level).isNotEmpty());
        assertThat(secondRead).as("only the transaction's scope").isEqualTo(firstRead - 1);
    }

    @Test
    void anotherTenantAskingForTheSameLevelsGetsNoneOfTheKeptRules() {
        List<UUID> levels = levelsOf(version);
        inTenant(tenant.uuid(), () -> rules.of(levels));

        UUID other = newTenant("published-rules-other").uuid();

        assertThat(inTenant(other, () -> rules.of(levels))).isEmpty();
    }

    @Test
    void aDraftsRulesAreReadAfreshSoAnEditShowsAtOnce() throws SQLException {
        String draft = graphQl(admin)
                .document("mutation($v: ID!) { createFrameworkDraft(input: {fromVersionId: $v})"
                        + " { frameworkVersion { id } } }")
                .variable("v", version)
                .execute()
                .path("createFrameworkDraft.frameworkVersion.id")
                .entity(String.class)
                .get();
        List<UUID> levels = levelsOf(draft);
        UUID level = levels.getFirst();
        inTenant(tenant.uuid(), () -> rules.of(levels));

        admin("UPDATE framework_expectation SET min_endorsed_evidence = 9 WHERE level_id = '" + level + "'");
        int reread = statements(() -> rules.of(levels));
        Map<UUID, List<RuleRow>> read = inTenant(tenant.uuid(), () -> rules.of(levels));

        assertThat(reread).as("the scope and the rules").isEqualTo(2);
        assertThat(read.get(level))
                .allSatisfy(
                        rule -> assertThat(rule.rule().minEndorsedEvidence()).isEqualTo(9));
    }

    private <T> T inTenant(UUID tenantId, Supplier<T> work) {
        return CallerScope.inTenant(tenantId, () -> transactions.execute(status -> work.get()));
    }

    private int statements(Supplier<?> work) {
        sqlStatements.reset();
        inTenant(tenant.uuid(), work);
        return sqlStatements.count();
    }

    private static List<UUID> levelsOf(String versionId) {
        List<UUID> levels = new ArrayList<>();
        try (Connection admin = TestDatabase.INSTANCE.connectAsAdministrator();
                PreparedStatement select = admin.prepareStatement(
                        "SELECT id FROM framework_level WHERE version_id = ? ORDER BY position")) {
            select.setObject(1, GlobalId.decode(versionId, "FrameworkVersion").orElseThrow());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    levels.add(rows.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(levels).hasSize(3);
        return levels;
    }

    private static void admin(String sql) throws SQLException {
        try (Connection admin = TestDatabase.INSTANCE.connectAsAdministrator()) {
            admin.createStatement().execute(sql);
        }
    }
}
