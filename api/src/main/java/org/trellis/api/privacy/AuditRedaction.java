package org.trellis.api.privacy;

import static org.trellis.persistence.jooq.Tables.AUDIT_EVENT;
import static org.trellis.persistence.jooq.Tables.EVIDENCE;
import static org.trellis.persistence.jooq.Tables.EXTERNAL_ACCOUNT;
import static org.trellis.persistence.jooq.Tables.PROMOTION_CASE;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replaces audit summaries that could carry the person's data by {@code {"erased": true}} (the only change the
 * database allows to an audit entry): every entry about the person or their evidence, accounts or promotion cases,
 * and every entry whose summary contains one of their identifiers (three characters or more, as JSON writes them,
 * case-insensitively). Who did what to which id, and when, stays.
 */
@Repository
class AuditRedaction {

    static final JSONB ERASED = JSONB.valueOf("{\"erased\": true}");

    private final DSLContext db;
    private final JsonMapper json;

    AuditRedaction(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Redacts in one statement; returns how many entries changed. Run before the accounts are deleted. */
    int redact(UUID person, List<String> identifiers) {
        Condition about = AUDIT_EVENT
                .TARGET_REF
                .eq(person.toString())
                .or(AUDIT_EVENT.TARGET_REF.in(DSL.select(EVIDENCE.ID.cast(String.class))
                        .from(EVIDENCE)
                        .where(EVIDENCE.PERSON_ID.eq(person))))
                .or(AUDIT_EVENT.TARGET_REF.in(DSL.select(EXTERNAL_ACCOUNT.ID.cast(String.class))
                        .from(EXTERNAL_ACCOUNT)
                        .where(EXTERNAL_ACCOUNT.PERSON_ID.eq(person))))
                .or(AUDIT_EVENT.TARGET_REF.in(DSL.select(PROMOTION_CASE.ID.cast(String.class))
                        .from(PROMOTION_CASE)
                        .where(PROMOTION_CASE.PERSON_ID.eq(person))));
        var text = DSL.lower(AUDIT_EVENT.SUMMARY.cast(String.class));
        for (String identifier : identifiers) {
            String escaped = asJsonText(identifier);
            if (escaped.length() >= 3) {
                about = about.or(DSL.position(text, DSL.val(escaped)).gt(0));
            }
        }
        return db.update(AUDIT_EVENT)
                .set(AUDIT_EVENT.SUMMARY, ERASED)
                .where(about)
                .and(AUDIT_EVENT.SUMMARY.ne(ERASED))
                .execute();
    }

    /** The identifier as it appears inside a JSON string (quotes and controls escaped), lower-cased. */
    private String asJsonText(String identifier) {
        String quoted = json.writeValueAsString(identifier.toLowerCase(Locale.ROOT));
        return quoted.substring(1, quoted.length() - 1);
    }
}
