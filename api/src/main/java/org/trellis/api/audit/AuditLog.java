package org.trellis.api.audit;

import static org.trellis.persistence.jooq.Tables.AUDIT_EVENT;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Reads the transaction's tenant's audit log, newest first. */
@Repository
class AuditLog {

    private final DSLContext db;

    AuditLog(DSLContext db) {
        this.db = db;
    }

    Optional<AuditEvent> find(UUID id) {
        return db.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.UID.eq(id)).fetchOptional(AuditLog::toEvent);
    }

    List<AuditEvent> page(AuditFilter filter, long offset, int limit) {
        Condition condition = DSL.noCondition();
        if (filter.action() != null) {
            condition = condition.and(AUDIT_EVENT.ACTION.eq(filter.action()));
        }
        if (filter.targetType() != null) {
            condition = condition.and(AUDIT_EVENT.TARGET_TYPE.eq(filter.targetType()));
        }
        if (filter.targetRef() != null) {
            condition = condition.and(AUDIT_EVENT.TARGET_REF.eq(filter.targetRef()));
        }
        if (filter.actorRef() != null) {
            condition = condition.and(AUDIT_EVENT.ACTOR_REF.eq(filter.actorRef()));
        }
        if (filter.from() != null) {
            condition = condition.and(AUDIT_EVENT.OCCURRED_AT.ge(filter.from()));
        }
        if (filter.to() != null) {
            condition = condition.and(AUDIT_EVENT.OCCURRED_AT.lt(filter.to()));
        }
        return db.selectFrom(AUDIT_EVENT)
                .where(condition)
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                .offset(offset)
                .limit(limit)
                .fetch(AuditLog::toEvent);
    }

    private static AuditEvent toEvent(Record row) {
        return new AuditEvent(
                row.get(AUDIT_EVENT.UID),
                row.get(AUDIT_EVENT.OCCURRED_AT),
                row.get(AUDIT_EVENT.ACTOR_KIND),
                row.get(AUDIT_EVENT.ACTOR_REF),
                row.get(AUDIT_EVENT.ACTION),
                row.get(AUDIT_EVENT.TARGET_TYPE),
                row.get(AUDIT_EVENT.TARGET_REF),
                row.get(AUDIT_EVENT.SUMMARY).data(),
                row.get(AUDIT_EVENT.CORRELATION_ID));
    }
}
