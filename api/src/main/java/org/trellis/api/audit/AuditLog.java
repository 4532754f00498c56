package org.trellis.api.audit;

import static org.trellis.persistence.jooq.Tables.AUDIT_EVENT;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.trellis.api.shared.KeysetOrder;
import org.trellis.api.shared.Paged;
import org.trellis.graphql.KeysetWindows;

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

    /** Newest first; the sequence breaks ties between events of the same instant. */
    private static final KeysetOrder ORDER = KeysetOrder.of(
            KeysetOrder.descending("at", AUDIT_EVENT.OCCURRED_AT), KeysetOrder.descending("seq", AUDIT_EVENT.ID));

    Paged<AuditEvent> page(AuditFilter filter, KeysetWindows.Page page) {
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
        Condition where = condition;
        return Paged.of(
                ORDER.page(sort -> db.selectFrom(AUDIT_EVENT).where(where).orderBy(sort), page)
                        .fetch(AuditLog::toEvent),
                db,
                AUDIT_EVENT,
                where);
    }

    /** An event's cursor keys. */
    static Map<String, String> keys(AuditEvent event) {
        return ORDER.keys(event.occurredAt(), event.sequence());
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
                row.get(AUDIT_EVENT.CORRELATION_ID),
                row.get(AUDIT_EVENT.ID));
    }
}
