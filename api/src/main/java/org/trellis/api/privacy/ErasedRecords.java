package org.trellis.api.privacy;

import static org.trellis.persistence.jooq.Tables.ASSESSMENT;
import static org.trellis.persistence.jooq.Tables.EVIDENCE;
import static org.trellis.persistence.jooq.Tables.INCIDENT_RESPONDER;
import static org.trellis.persistence.jooq.Tables.MENTORING_ACTION;
import static org.trellis.persistence.jooq.Tables.MENTORING_GOAL;
import static org.trellis.persistence.jooq.Tables.MENTORING_SESSION;
import static org.trellis.persistence.jooq.Tables.MENTORSHIP;
import static org.trellis.persistence.jooq.Tables.PROMOTION_CASE;
import static org.trellis.persistence.jooq.Tables.UNMATCHED_EVENT;

import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The person's records that others rely on are kept for history and statistics (kinds, dates, statuses, ratings,
 * verdicts) with the free text that may describe them replaced: their evidence, the comments on their assessments,
 * their promotion cases (and the packet frozen at nomination), their pairings' notes, goals, sessions and actions,
 * and webhook events attributed to their accounts.
 */
@Repository
class ErasedRecords {

    /** What replaces erased free text where a text is required. */
    static final String ERASED = "Erased";

    private final DSLContext db;

    ErasedRecords(DSLContext db) {
        this.db = db;
    }

    void erase(UUID person, List<String> accounts) {
        db.update(EVIDENCE)
                .set(EVIDENCE.TITLE, ERASED)
                .set(EVIDENCE.DESCRIPTION, "")
                .set(EVIDENCE.LINKS, new String[0])
                .setNull(EVIDENCE.EXTERNAL_ID)
                .setNull(EVIDENCE.REVIEW_COMMENT)
                .where(EVIDENCE.PERSON_ID.eq(person))
                .execute();
        db.update(ASSESSMENT)
                .setNull(ASSESSMENT.COMMENT)
                .where(ASSESSMENT.PERSON_ID.eq(person))
                .execute();
        db.update(PROMOTION_CASE)
                .setNull(PROMOTION_CASE.NOTE)
                .set(
                        PROMOTION_CASE.DECISION_REASON,
                        DSL.when(PROMOTION_CASE.DECISION_REASON.isNotNull(), DSL.val(ERASED)))
                .set(PROMOTION_CASE.FROZEN, frozenWithoutPerson())
                .where(PROMOTION_CASE.PERSON_ID.eq(person))
                .execute();
        db.update(MENTORSHIP)
                .setNull(MENTORSHIP.NOTE)
                .setNull(MENTORSHIP.CLOSING_NOTE)
                .where(MENTORSHIP.MENTOR_ID.eq(person).or(MENTORSHIP.MENTEE_ID.eq(person)))
                .execute();
        db.update(MENTORING_GOAL)
                .set(MENTORING_GOAL.TITLE, ERASED)
                .set(MENTORING_GOAL.DESCRIPTION, "")
                .where(MENTORING_GOAL.MENTORSHIP_ID.in(pairings(person)))
                .execute();
        db.update(MENTORING_SESSION)
                .set(MENTORING_SESSION.SHARED_NOTES, "")
                .where(MENTORING_SESSION.MENTORSHIP_ID.in(pairings(person)))
                .execute();
        db.update(MENTORING_ACTION)
                .set(MENTORING_ACTION.DESCRIPTION, ERASED)
                .where(MENTORING_ACTION.SESSION_ID.in(DSL.select(MENTORING_SESSION.ID)
                        .from(MENTORING_SESSION)
                        .where(MENTORING_SESSION.MENTORSHIP_ID.in(pairings(person)))))
                .execute();
        db.update(UNMATCHED_EVENT)
                .set(UNMATCHED_EVENT.ACCOUNT, ERASED)
                .setNull(UNMATCHED_EVENT.ACCOUNT_NAME)
                .set(UNMATCHED_EVENT.TITLE, ERASED)
                .set(UNMATCHED_EVENT.DESCRIPTION, "")
                .setNull(UNMATCHED_EVENT.LINK)
                .where(UNMATCHED_EVENT.PERSON_ID.eq(person).or(UNMATCHED_EVENT.ACCOUNT.in(accounts)))
                .execute();
        db.deleteFrom(INCIDENT_RESPONDER)
                .where(INCIDENT_RESPONDER.ACCOUNT.in(accounts))
                .execute();
    }

    /** The frozen packet with the person's name replaced and its evidence lists (titles, links) emptied. */
    private static org.jooq.Field<JSONB> frozenWithoutPerson() {
        return DSL.field(
                "jsonb_set({0}, '{personName}', to_jsonb({1}::text)) || jsonb_build_object('competencies',"
                        + " coalesce((select jsonb_agg(c || '{\"evidence\": []}'::jsonb)"
                        + " from jsonb_array_elements({0} -> 'competencies') c), '[]'::jsonb))",
                JSONB.class, PROMOTION_CASE.FROZEN, DSL.val(ErasedProfiles.ERASED_NAME));
    }

    static Select<Record1<UUID>> pairings(UUID person) {
        return DSL.select(MENTORSHIP.ID)
                .from(MENTORSHIP)
                .where(MENTORSHIP.MENTOR_ID.eq(person).or(MENTORSHIP.MENTEE_ID.eq(person)));
    }
}
