package org.trellis.api.audit;

import static org.trellis.persistence.jooq.Tables.AUDIT_EVENT;

import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.shared.Actor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one audit entry per change, inside the caller's transaction: the change and its record commit or roll
 * back together. Entries are append-only (the runtime role cannot update or delete them).
 */
@Component
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final DSLContext db;
    private final JsonMapper json;

    AuditTrail(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /**
     * Records {@code action} by {@code actor} on a target in {@code tenantId}'s audit log.
     *
     * @param summary what changed, e.g. {@code before}/{@code after} values; never secrets
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(
            Actor actor, UUID tenantId, String action, String targetType, Object targetId, Map<String, ?> summary) {
        db.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.TENANT_ID, tenantId)
                .set(AUDIT_EVENT.ACTOR_KIND, actor.kind().name())
                .set(AUDIT_EVENT.ACTOR_REF, actorId(actor))
                .set(AUDIT_EVENT.ACTION, action)
                .set(AUDIT_EVENT.TARGET_TYPE, targetType)
                .set(AUDIT_EVENT.TARGET_REF, targetId.toString())
                .set(AUDIT_EVENT.SUMMARY, JSONB.valueOf(json.writeValueAsString(summary)))
                .set(AUDIT_EVENT.CORRELATION_ID, MDC.get("correlationId"))
                .execute();
        log.info("audit action={} target={}:{} actor={}", action, targetType, targetId, actorId(actor));
    }

    private static String actorId(Actor actor) {
        if (actor.personId() != null) {
            return actor.personId().toString();
        }
        if (actor.serviceClientId() != null) {
            return actor.serviceClientId().toString();
        }
        return actor.subject();
    }
}
