package org.trellis.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trellis.persistence.jooq.Tables.AUDIT_EVENT;
import static org.trellis.persistence.jooq.Tables.OUTBOX_EVENT;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorKind;
import org.trellis.api.shared.CallerScope;
import org.trellis.api.shared.DomainEvent;
import org.trellis.api.shared.EventType;
import org.trellis.api.support.AuditLogLines;
import org.trellis.api.support.IntegrationTest;
import org.trellis.persistence.WritesAtCommit;

/**
 * Audit entries and outbox events are sent as the transaction commits, together in one statement: not before it,
 * not at all when it rolls back, early when a statement of the transaction needs them ({@link
 * WritesAtCommit#sendNow}), never silently dropped when recorded once the commit has begun, and audit entries are
 * logged only once committed.
 */
class WritesAtCommitIntegrationTest extends IntegrationTest {

    @Autowired
    private AuditTrail audit;

    @Autowired
    private ApplicationEventPublisher events;

    @Autowired
    private DSLContext db;

    @Autowired
    private TransactionTemplate transactions;

    private UUID tenant;
    private Actor actor;
    private String action;

    @BeforeEach
    void aTenant() {
        tenant = newTenant("writes-at-commit").uuid();
        actor = new Actor(ActorKind.SERVICE_CLIENT, tenant, null, UUID.randomUUID(), "client", Set.of(), Set.of());
        action = "test." + UUID.randomUUID();
    }

    @Test
    void entriesAndEventsAreSentTogetherInOneStatementAsTheTransactionCommits() {
        UUID subject = UUID.randomUUID();
        int beforeCommit = inTenant(() -> {
            audit.record(actor, tenant, action, "Test", subject, Map.of("n", 1));
            audit.record(actor, tenant, action, "Test", subject, Map.of("n", 2));
            events.publishEvent(new DomainEvent(tenant, EventType.EVIDENCE_CHANGED, subject, null, Map.of()));
            sqlStatements.reset();
            return entries() + outboxEvents(subject);
        });

        assertThat(beforeCommit).as("nothing is sent before the commit").isZero();
        assertThat(sqlStatements.executionStatements())
                .as("the commit sent both tables' rows in one statement")
                .filteredOn(sql -> sql.contains("insert into"))
                .singleElement()
                .satisfies(sql -> assertThat(sql).contains("audit_event").contains("outbox_event"));
        assertThat(inTenant(() -> entries())).isEqualTo(2);
        assertThat(inTenant(() -> outboxEvents(subject))).isEqualTo(1);
    }

    @Test
    void aTransactionThatRollsBackSendsNothing() {
        UUID subject = UUID.randomUUID();
        CallerScope.inTenant(
                tenant,
                () -> transactions.execute(status -> {
                    audit.record(actor, tenant, action, "Test", subject, Map.of());
                    events.publishEvent(new DomainEvent(tenant, EventType.EVIDENCE_CHANGED, subject, null, Map.of()));
                    status.setRollbackOnly();
                    return null;
                }));

        assertThat(inTenant(() -> entries() + outboxEvents(subject))).isZero();
    }

    @Test
    void sendNowMakesTheEntriesSoFarVisibleToTheTransactionAndSendsTheRestAtCommit() {
        int visible = inTenant(() -> {
            audit.record(actor, tenant, action, "Test", UUID.randomUUID(), Map.of());
            WritesAtCommit.sendNow();
            int sent = entries();
            audit.record(actor, tenant, action, "Test", UUID.randomUUID(), Map.of());
            return sent;
        });

        assertThat(visible).isEqualTo(1);
        assertThat(inTenant(() -> entries())).isEqualTo(2);
    }

    @Test
    void anEntryRecordedOnceTheCommitHasBegunFailsTheCommitInsteadOfBeingLost() {
        assertThatThrownBy(() -> inTenant(() -> {
                    audit.record(actor, tenant, action, "Test", UUID.randomUUID(), Map.of());
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void beforeCommit(boolean readOnly) {
                            audit.record(actor, tenant, action, "Test", UUID.randomUUID(), Map.of());
                        }
                    });
                    return null;
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("would be lost");
        assertThat(inTenant(() -> entries())).isZero();
    }

    @Test
    @ExtendWith(AuditLogLines.class)
    @ExtendWith(OutputCaptureExtension.class)
    void eachEntryIsLoggedOnceItsChangeCommittedAndNeverForOneRolledBack(CapturedOutput output) {
        UUID subject = UUID.randomUUID();
        CallerScope.inTenant(
                tenant,
                () -> transactions.execute(status -> {
                    audit.record(actor, tenant, action, "Test", subject, Map.of());
                    status.setRollbackOnly();
                    return null;
                }));
        inTenant(() -> {
            audit.record(actor, tenant, action, "Test", subject, Map.of("n", 1));
            WritesAtCommit.sendNow();
            audit.record(actor, tenant, action, "Test", subject, Map.of("n", 2));
            assertThat(output.getOut()).as("nothing logged before the commit").doesNotContain(action);
            return null;
        });

        assertThat(output.getOut().lines().filter(line -> line.contains("audit action=" + action)))
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("target=Test:" + subject));
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void entriesAreKeptButNotLoggedWhereTheAuditLoggerIsLeftAtItsConfiguredLevel(CapturedOutput output) {
        UUID subject = UUID.randomUUID();
        inTenant(() -> {
            audit.record(actor, tenant, action, "Test", subject, Map.of());
            return null;
        });

        assertThat(inTenant(() -> entries())).isOne();
        assertThat(output.getOut()).doesNotContain("audit action=" + action);
    }

    private int entries() {
        return db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq(action));
    }

    private int outboxEvents(UUID subject) {
        return db.fetchCount(OUTBOX_EVENT, OUTBOX_EVENT.SUBJECT_ID.eq(subject));
    }

    private <T> T inTenant(Supplier<T> work) {
        return CallerScope.inTenant(tenant, () -> transactions.execute(status -> work.get()));
    }
}
