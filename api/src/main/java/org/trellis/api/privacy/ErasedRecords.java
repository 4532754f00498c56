package org.trellis.api.privacy;

import static org.trellis.persistence.jooq.Tables.ASSESSMENT;
import static org.trellis.persistence.jooq.Tables.EVIDENCE;
import static org.trellis.persistence.jooq.Tables.EXTERNAL_ACCOUNT;
import static org.trellis.persistence.jooq.Tables.INCIDENT_RESPONDER;
import static org.trellis.persistence.jooq.Tables.MENTORING_ACTION;
import static org.trellis.persistence.jooq.Tables.MENTORING_GOAL;
import static org.trellis.persistence.jooq.Tables.MENTORING_SESSION;
import static org.trellis.persistence.jooq.Tables.MENTORSHIP;
import static org.trellis.persistence.jooq.Tables.PROMOTION_CASE;
import static org.trellis.persistence.jooq.Tables.UNMATCHED_EVENT;
import static org.trellis.persistence.jooq.Tables.WEBHOOK_ENDPOINT;

import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The person's records that others rely on are kept for history and statistics (kinds, dates, statuses, ratings,
 * verdicts) with the free text that may describe them replaced: their evidence, the comments on their assessments,
 * their promotion cases (and the packet frozen at nomination), and webhook events attributed to their accounts (same
 * provider and account name). Pairings: where they are the mentee, every goal, session note and action is cleared;
 * where they are the mentor, only what they wrote (goals they created, sessions they logged with their actions, the
 * pairing note when they proposed it), so the mentee keeps their own record. A pairing's closing note records no
 * author and is cleared either way.
 */
@Repository
class ErasedRecords {

    /** What replaces erased free text where a text is required. */
    static final String ERASED = "Erased";

    private final DSLContext db;

    ErasedRecords(DSLContext db) {
        this.db = db;
    }

    /** Run before the person's external accounts are deleted (webhook data is matched to them). */
    void erase(UUID person) {
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
                .set(
                        MENTORSHIP.NOTE,
                        DSL.when(
                                        MENTORSHIP.MENTEE_ID.eq(person).or(MENTORSHIP.PROPOSED_BY.eq(person)),
                                        DSL.castNull(MENTORSHIP.NOTE))
                                .otherwise(MENTORSHIP.NOTE))
                .setNull(MENTORSHIP.CLOSING_NOTE)
                .where(MENTORSHIP.MENTOR_ID.eq(person).or(MENTORSHIP.MENTEE_ID.eq(person)))
                .execute();
        db.update(MENTORING_GOAL)
                .set(MENTORING_GOAL.TITLE, ERASED)
                .set(MENTORING_GOAL.DESCRIPTION, "")
                .where(MENTORING_GOAL
                        .MENTORSHIP_ID
                        .in(mentees(person))
                        .or(MENTORING_GOAL
                                .MENTORSHIP_ID
                                .in(pairings(person))
                                .and(MENTORING_GOAL.CREATED_BY.eq(person))))
                .execute();
        db.update(MENTORING_ACTION)
                .set(MENTORING_ACTION.DESCRIPTION, ERASED)
                .where(MENTORING_ACTION.SESSION_ID.in(
                        DSL.select(MENTORING_SESSION.ID).from(MENTORING_SESSION).where(sessionsToClear(person))))
                .execute();
        db.update(MENTORING_SESSION)
                .set(MENTORING_SESSION.SHARED_NOTES, "")
                .where(sessionsToClear(person))
                .execute();
        var account = DSL.select(EXTERNAL_ACCOUNT.PROVIDER, EXTERNAL_ACCOUNT.ACCOUNT)
                .from(EXTERNAL_ACCOUNT)
                .where(EXTERNAL_ACCOUNT.PERSON_ID.eq(person));
        db.update(UNMATCHED_EVENT)
                .set(UNMATCHED_EVENT.ACCOUNT, ERASED)
                .setNull(UNMATCHED_EVENT.ACCOUNT_NAME)
                .set(UNMATCHED_EVENT.TITLE, ERASED)
                .set(UNMATCHED_EVENT.DESCRIPTION, "")
                .setNull(UNMATCHED_EVENT.LINK)
                .where(UNMATCHED_EVENT
                        .PERSON_ID
                        .eq(person)
                        .or(DSL.row(UNMATCHED_EVENT.PROVIDER, UNMATCHED_EVENT.ACCOUNT)
                                .in(account)))
                .execute();
        db.deleteFrom(INCIDENT_RESPONDER)
                .where(DSL.row(INCIDENT_RESPONDER.ENDPOINT_ID, INCIDENT_RESPONDER.ACCOUNT)
                        .in(DSL.select(WEBHOOK_ENDPOINT.ID, EXTERNAL_ACCOUNT.ACCOUNT)
                                .from(EXTERNAL_ACCOUNT)
                                .join(WEBHOOK_ENDPOINT)
                                .on(
                                        WEBHOOK_ENDPOINT.TENANT_ID.eq(EXTERNAL_ACCOUNT.TENANT_ID),
                                        WEBHOOK_ENDPOINT.PROVIDER.eq(EXTERNAL_ACCOUNT.PROVIDER))
                                .where(EXTERNAL_ACCOUNT.PERSON_ID.eq(person))))
                .execute();
    }

    /**
     * Sessions whose shared text goes: every session of a pairing where the person is the mentee; where they are the
     * mentor, only the sessions they logged (a session's agreed actions are entered with it, by its logger).
     */
    private static Condition sessionsToClear(UUID person) {
        return MENTORING_SESSION
                .MENTORSHIP_ID
                .in(mentees(person))
                .or(MENTORING_SESSION.MENTORSHIP_ID.in(pairings(person)).and(MENTORING_SESSION.LOGGED_BY.eq(person)));
    }

    private static Select<Record1<UUID>> mentees(UUID person) {
        return DSL.select(MENTORSHIP.ID).from(MENTORSHIP).where(MENTORSHIP.MENTEE_ID.eq(person));
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
