package org.trellis.api.privacy;

import static org.trellis.persistence.jooq.Tables.AUDIT_EVENT;

import java.time.Instant;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.trellis.api.shared.TenantPurge;

/**
 * Deletes the tenant's audit entries recorded more than its audit retention period ago (never less than {@link
 * RetentionPolicy#MIN_AUDIT_DAYS}), oldest first, except the records of retention changes and erasures. The database
 * allows exactly that (trigger {@code audit_event_guard}, by the database's clock), so the cut-off is the earlier of
 * the run's time and the database's: a fast application clock cannot make a batch ask for a younger entry.
 */
@Component
class AuditRetention implements TenantPurge {

    private final DSLContext db;
    private final RetentionPolicies policies;

    AuditRetention(DSLContext db, RetentionPolicies policies) {
        this.db = db;
        this.policies = policies;
    }

    @Override
    public String name() {
        return "audit-retention";
    }

    @Override
    public int purge(Instant now, int batchSize) {
        Integer stored = policies.current().auditDays();
        if (stored == null) {
            return 0;
        }
        int days = Math.max(stored, RetentionPolicy.MIN_AUDIT_DAYS);
        var before =
                DSL.field("least({0}, now()) - make_interval(days => {1})", Instant.class, DSL.val(now), DSL.val(days));
        return db.deleteFrom(AUDIT_EVENT)
                .where(AUDIT_EVENT.ID.in(DSL.select(AUDIT_EVENT.ID)
                        .from(AUDIT_EVENT)
                        .where(AUDIT_EVENT.OCCURRED_AT.lt(before))
                        .and(AUDIT_EVENT.ACTION.notIn(RetentionPolicy.KEPT_AUDIT_ACTIONS))
                        .orderBy(AUDIT_EVENT.OCCURRED_AT)
                        .limit(batchSize)))
                .execute();
    }
}
