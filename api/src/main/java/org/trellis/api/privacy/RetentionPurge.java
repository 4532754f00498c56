package org.trellis.api.privacy;

import static org.trellis.persistence.jooq.Tables.AUDIT_EVENT;
import static org.trellis.persistence.jooq.Tables.EVIDENCE;
import static org.trellis.persistence.jooq.Tables.EVIDENCE_COMPETENCY;
import static org.trellis.persistence.jooq.Tables.MENTORING_GOAL;
import static org.trellis.persistence.jooq.Tables.MENTORING_SESSION;
import static org.trellis.persistence.jooq.Tables.READINESS_SUMMARY;
import static org.trellis.persistence.jooq.Tables.TENANT;
import static org.trellis.persistence.jooq.Tables.UNMATCHED_EVENT;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.trellis.api.shared.CallerScope;

/**
 * Deletes what a tenant keeps no longer: evidence that happened before its retention period (links from mentoring
 * goals, sessions and webhook events cleared, readiness rollups refreshed by the existing triggers, cached readiness
 * summaries of the people concerned dropped so they are decided again) and audit entries recorded before theirs.
 * Each tenant in its own transaction, scoped to it (row-level security), at most {@link #BATCH} rows of each kind per
 * run: a backlog shrinks run by run, and no run holds locks for long. Statements per tenant do not grow with data.
 */
@Component
class RetentionPurge {

    /** Most evidence items and audit entries one run deletes per tenant. */
    static final int BATCH = 5000;

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final DSLContext db;
    private final TransactionTemplate transactions;
    private final RetentionPolicies policies;

    RetentionPurge(DSLContext db, TransactionTemplate transactions, RetentionPolicies policies) {
        this.db = db;
        this.transactions = transactions;
        this.policies = policies;
    }

    /** What one run deleted in one tenant. */
    record Purged(int evidence, int auditEntries) {}

    /** Purges every tenant, one after the other; a tenant that fails is logged and the others still run. */
    void purgeAll() {
        List<UUID> tenants =
                transactions.execute(status -> db.select(TENANT.ID).from(TENANT).fetch(TENANT.ID));
        for (UUID tenant : tenants) {
            try {
                purge(tenant);
            } catch (RuntimeException e) {
                log.error("retention purge failed tenant={}", tenant, e);
            }
        }
    }

    /** Purges one tenant, as of the database's clock (the one the audit guard checks). */
    Purged purge(UUID tenant) {
        Purged purged = CallerScope.inTenant(
                tenant,
                () -> transactions.execute(status -> {
                    RetentionPolicy policy = policies.current();
                    int evidence = policy.evidenceDays() == null ? 0 : purgeEvidence(policy.evidenceDays());
                    int audit = policy.auditDays() == null ? 0 : purgeAudit(policy.auditDays());
                    return new Purged(evidence, audit);
                }));
        if (purged.evidence() + purged.auditEntries() > 0) {
            log.info(
                    "retention purge tenant={} evidence={} auditEntries={}",
                    tenant,
                    purged.evidence(),
                    purged.auditEntries());
        }
        return purged;
    }

    private int purgeEvidence(int days) {
        List<UUID> ids = db.select(EVIDENCE.ID)
                .from(EVIDENCE)
                .where(EVIDENCE.OCCURRED_ON.lt(DSL.field("current_date - {0}", LocalDate.class, DSL.val(days))))
                .orderBy(EVIDENCE.OCCURRED_ON)
                .limit(BATCH)
                .fetch(EVIDENCE.ID);
        if (ids.isEmpty()) {
            return 0;
        }
        db.update(MENTORING_GOAL)
                .setNull(MENTORING_GOAL.EVIDENCE_ID)
                .where(MENTORING_GOAL.EVIDENCE_ID.in(ids))
                .execute();
        db.update(MENTORING_SESSION)
                .setNull(MENTORING_SESSION.EVIDENCE_ID)
                .where(MENTORING_SESSION.EVIDENCE_ID.in(ids))
                .execute();
        db.update(UNMATCHED_EVENT)
                .setNull(UNMATCHED_EVENT.EVIDENCE_ID)
                .where(UNMATCHED_EVENT.EVIDENCE_ID.in(ids))
                .execute();
        // Links first, while the evidence still exists: the rollup trigger refreshes the owner's cells without it.
        db.deleteFrom(EVIDENCE_COMPETENCY)
                .where(EVIDENCE_COMPETENCY.EVIDENCE_ID.in(ids))
                .execute();
        db.deleteFrom(READINESS_SUMMARY)
                .where(READINESS_SUMMARY.PERSON_ID.in(
                        DSL.selectDistinct(EVIDENCE.PERSON_ID).from(EVIDENCE).where(EVIDENCE.ID.in(ids))))
                .execute();
        return db.deleteFrom(EVIDENCE).where(EVIDENCE.ID.in(ids)).execute();
    }

    private int purgeAudit(int days) {
        return db.deleteFrom(AUDIT_EVENT)
                .where(AUDIT_EVENT.ID.in(DSL.select(AUDIT_EVENT.ID)
                        .from(AUDIT_EVENT)
                        .where(AUDIT_EVENT.OCCURRED_AT.lt(
                                DSL.field("now() - make_interval(days => {0})", Instant.class, DSL.val(days))))
                        .orderBy(AUDIT_EVENT.OCCURRED_AT)
                        .limit(BATCH)))
                .execute();
    }
}
