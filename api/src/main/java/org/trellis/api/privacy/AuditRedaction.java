package org.trellis.api.privacy;

import static org.trellis.persistence.jooq.Tables.AUDIT_EVENT;
import static org.trellis.persistence.jooq.Tables.EVIDENCE;
import static org.trellis.persistence.jooq.Tables.EXTERNAL_ACCOUNT;
import static org.trellis.persistence.jooq.Tables.PERSON;
import static org.trellis.persistence.jooq.Tables.PROMOTION_CASE;

import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;
import org.trellis.persistence.WritesAtCommit;

/**
 * Replaces audit summaries that could carry the person's data by {@code {"erased": true}} (the only change the
 * database allows to an audit entry, and only for an erased person: trigger {@code audit_event_guard}). By
 * reference: every entry whose target or actor is the person, or whose target is their evidence, external account or
 * promotion case. By value: every entry recorded since the person was created whose summary holds one of their
 * identifiers as a whole JSON string value, case-insensitively (database function {@code audit_summary_has_value}:
 * never a key, never part of a longer text). Who did what to which id, and when, stays.
 */
@Repository
class AuditRedaction {

    static final JSONB ERASED = JSONB.valueOf("{\"erased\": true}");

    private final DSLContext db;

    AuditRedaction(DSLContext db) {
        this.db = db;
    }

    /**
     * Redacts (two statements); returns how many entries changed. Run once the person is marked erased and before
     * their external accounts are deleted, with the identifiers they had.
     */
    int redact(UUID person, List<String> identifiers) {
        WritesAtCommit.sendNow(); // the entries this transaction recorded so far (deactivating them) are redacted too
        String id = person.toString();
        var refs = DSL.select(DSL.inline(id))
                .unionAll(DSL.select(EVIDENCE.ID.cast(String.class))
                        .from(EVIDENCE)
                        .where(EVIDENCE.PERSON_ID.eq(person)))
                .unionAll(DSL.select(EXTERNAL_ACCOUNT.ID.cast(String.class))
                        .from(EXTERNAL_ACCOUNT)
                        .where(EXTERNAL_ACCOUNT.PERSON_ID.eq(person)))
                .unionAll(DSL.select(PROMOTION_CASE.ID.cast(String.class))
                        .from(PROMOTION_CASE)
                        .where(PROMOTION_CASE.PERSON_ID.eq(person)));
        int byRef = db.update(AUDIT_EVENT)
                .set(AUDIT_EVENT.SUMMARY, ERASED)
                .where(AUDIT_EVENT.TARGET_REF.in(refs).or(AUDIT_EVENT.ACTOR_REF.eq(id)))
                .and(AUDIT_EVENT.SUMMARY.ne(ERASED))
                .execute();
        if (identifiers.isEmpty()) {
            return byRef;
        }
        int byValue = db.update(AUDIT_EVENT)
                .set(AUDIT_EVENT.SUMMARY, ERASED)
                .where(AUDIT_EVENT.OCCURRED_AT.ge(
                        DSL.select(PERSON.CREATED_AT).from(PERSON).where(PERSON.ID.eq(person))))
                .and(AUDIT_EVENT.SUMMARY.ne(ERASED))
                .and(DSL.condition(
                        "audit_summary_has_value({0}, {1})",
                        AUDIT_EVENT.SUMMARY, DSL.val(identifiers.toArray(String[]::new), SQLDataType.VARCHAR.array())))
                .execute();
        return byRef + byValue;
    }
}
