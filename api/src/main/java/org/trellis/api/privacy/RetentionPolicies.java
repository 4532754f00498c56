package org.trellis.api.privacy;

import static org.trellis.persistence.jooq.Tables.RETENTION_POLICY;

import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The transaction's tenant's retention periods (one row per tenant; no row keeps everything for ever). */
@Repository
class RetentionPolicies {

    private final DSLContext db;

    RetentionPolicies(DSLContext db) {
        this.db = db;
    }

    RetentionPolicy current() {
        return db.select(RETENTION_POLICY.EVIDENCE_DAYS, RETENTION_POLICY.AUDIT_DAYS)
                .from(RETENTION_POLICY)
                .fetchOptional(row -> new RetentionPolicy(row.value1(), row.value2()))
                .orElse(RetentionPolicy.FOREVER);
    }

    RetentionPolicy set(UUID tenant, RetentionPolicy policy) {
        db.insertInto(RETENTION_POLICY)
                .set(RETENTION_POLICY.TENANT_ID, tenant)
                .set(RETENTION_POLICY.EVIDENCE_DAYS, policy.evidenceDays())
                .set(RETENTION_POLICY.AUDIT_DAYS, policy.auditDays())
                .onConflict(RETENTION_POLICY.TENANT_ID)
                .doUpdate()
                .set(RETENTION_POLICY.EVIDENCE_DAYS, policy.evidenceDays())
                .set(RETENTION_POLICY.AUDIT_DAYS, policy.auditDays())
                .set(RETENTION_POLICY.UPDATED_AT, DSL.currentInstant())
                .execute();
        return policy;
    }
}
