package org.trellis.api.privacy;

import static org.trellis.persistence.jooq.Tables.EVIDENCE;
import static org.trellis.persistence.jooq.Tables.EVIDENCE_COMPETENCY;
import static org.trellis.persistence.jooq.Tables.MENTORING_GOAL;
import static org.trellis.persistence.jooq.Tables.MENTORING_SESSION;
import static org.trellis.persistence.jooq.Tables.READINESS_SUMMARY;
import static org.trellis.persistence.jooq.Tables.UNMATCHED_EVENT;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.trellis.api.shared.TenantPurge;

/**
 * Deletes the tenant's evidence that happened (occurred_on, UTC) more than its evidence retention period ago: links
 * from mentoring goals, sessions and webhook events are cleared, the competency links go first (while the evidence
 * still exists, so the rollup triggers refresh the owner's readiness cells without it), and the cached readiness
 * summaries of the people concerned are dropped so they are decided again. Seven statements per batch.
 */
@Component
class EvidenceRetention implements TenantPurge {

    private final DSLContext db;
    private final RetentionPolicies policies;

    EvidenceRetention(DSLContext db, RetentionPolicies policies) {
        this.db = db;
        this.policies = policies;
    }

    @Override
    public String name() {
        return "evidence-retention";
    }

    @Override
    public int purge(Instant now, int batchSize) {
        Integer days = policies.current().evidenceDays();
        if (days == null) {
            return 0;
        }
        LocalDate before = now.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(days);
        List<UUID> ids = db.select(EVIDENCE.ID)
                .from(EVIDENCE)
                .where(EVIDENCE.OCCURRED_ON.lt(before))
                .orderBy(EVIDENCE.OCCURRED_ON)
                .limit(batchSize)
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
        db.deleteFrom(EVIDENCE_COMPETENCY)
                .where(EVIDENCE_COMPETENCY.EVIDENCE_ID.in(ids))
                .execute();
        db.deleteFrom(READINESS_SUMMARY)
                .where(READINESS_SUMMARY.PERSON_ID.in(
                        DSL.selectDistinct(EVIDENCE.PERSON_ID).from(EVIDENCE).where(EVIDENCE.ID.in(ids))))
                .execute();
        return db.deleteFrom(EVIDENCE).where(EVIDENCE.ID.in(ids)).execute();
    }
}
