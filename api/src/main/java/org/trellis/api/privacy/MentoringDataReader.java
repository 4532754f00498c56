package org.trellis.api.privacy;

import static org.trellis.persistence.jooq.Tables.MENTORING_ACTION;
import static org.trellis.persistence.jooq.Tables.MENTORING_GOAL;
import static org.trellis.persistence.jooq.Tables.MENTORING_PRIVATE_NOTE;
import static org.trellis.persistence.jooq.Tables.MENTORING_SESSION;
import static org.trellis.persistence.jooq.Tables.MENTORSHIP;
import static org.trellis.persistence.jooq.Tables.PERSON;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Reads the person's pairings (as mentor or mentee) with their goals, sessions and agreed actions. A session's
 * private notes are read for the person as author only: the other participant's private note is never exported.
 */
@Repository
class MentoringDataReader {

    /** Maximum rows per section. */
    static final Map<String, Integer> MAX =
            Map.of("mentorships", 200, "mentoringGoals", 1000, "mentoringSessions", 2000, "mentoringActions", 5000);

    private final DSLContext db;
    private final Rows rows;

    MentoringDataReader(DSLContext db, Rows rows) {
        this.db = db;
        this.rows = rows;
    }

    Map<String, PersonalData.Section> read(UUID person, ExportBudget budget) {
        var other = PERSON.as("other");
        Map<String, PersonalData.Section> sections = new LinkedHashMap<>();
        sections.put(
                "mentorships",
                section(
                        budget,
                        "mentorships",
                        db.select(
                                        MENTORSHIP.ID,
                                        DSL.when(MENTORSHIP.MENTOR_ID.eq(person), "MENTOR")
                                                .otherwise("MENTEE")
                                                .as("role"),
                                        other.ID.as("other_person_id"),
                                        other.DISPLAY_NAME.as("other_person"),
                                        MENTORSHIP.STATUS,
                                        MENTORSHIP.PROPOSED_BY,
                                        MENTORSHIP.NOTE,
                                        MENTORSHIP.STARTED_AT,
                                        MENTORSHIP.FINISHED_AT,
                                        MENTORSHIP.CLOSING_NOTE,
                                        MENTORSHIP.CREATED_AT)
                                .from(MENTORSHIP)
                                .join(other)
                                .on(
                                        other.TENANT_ID.eq(MENTORSHIP.TENANT_ID),
                                        other.ID.eq(DSL.when(MENTORSHIP.MENTOR_ID.eq(person), MENTORSHIP.MENTEE_ID)
                                                .otherwise(MENTORSHIP.MENTOR_ID)))
                                .where(pairingOf(person))
                                .orderBy(MENTORSHIP.CREATED_AT.desc())));
        sections.put(
                "mentoringGoals",
                section(
                        budget,
                        "mentoringGoals",
                        db.select(
                                        MENTORING_GOAL.ID,
                                        MENTORING_GOAL.MENTORSHIP_ID,
                                        MENTORING_GOAL.TITLE,
                                        MENTORING_GOAL.DESCRIPTION,
                                        MENTORING_GOAL.TARGET_DATE,
                                        MENTORING_GOAL.STATUS,
                                        MENTORING_GOAL.CREATED_BY,
                                        MENTORING_GOAL.CREATED_AT)
                                .from(MENTORING_GOAL)
                                .where(MENTORING_GOAL.MENTORSHIP_ID.in(pairings(person)))
                                .orderBy(MENTORING_GOAL.CREATED_AT.desc())));
        sections.put(
                "mentoringSessions",
                section(
                        budget,
                        "mentoringSessions",
                        db.select(
                                        MENTORING_SESSION.ID,
                                        MENTORING_SESSION.MENTORSHIP_ID,
                                        MENTORING_SESSION.HELD_ON,
                                        MENTORING_SESSION.DURATION_MINUTES,
                                        MENTORING_SESSION.SHARED_NOTES,
                                        MENTORING_PRIVATE_NOTE.BODY.as("my_private_note"),
                                        MENTORING_SESSION.LOGGED_BY)
                                .from(MENTORING_SESSION)
                                .leftJoin(MENTORING_PRIVATE_NOTE)
                                .on(
                                        MENTORING_PRIVATE_NOTE.TENANT_ID.eq(MENTORING_SESSION.TENANT_ID),
                                        MENTORING_PRIVATE_NOTE.SESSION_ID.eq(MENTORING_SESSION.ID),
                                        MENTORING_PRIVATE_NOTE.AUTHOR_ID.eq(person))
                                .where(MENTORING_SESSION.MENTORSHIP_ID.in(pairings(person)))
                                .orderBy(MENTORING_SESSION.HELD_ON.desc(), MENTORING_SESSION.ID)));
        sections.put(
                "mentoringActions",
                section(
                        budget,
                        "mentoringActions",
                        db.select(
                                        MENTORING_ACTION.ID,
                                        MENTORING_ACTION.SESSION_ID,
                                        MENTORING_ACTION.DESCRIPTION,
                                        MENTORING_ACTION.DONE)
                                .from(MENTORING_ACTION)
                                .join(MENTORING_SESSION)
                                .on(
                                        MENTORING_SESSION.TENANT_ID.eq(MENTORING_ACTION.TENANT_ID),
                                        MENTORING_SESSION.ID.eq(MENTORING_ACTION.SESSION_ID))
                                .where(MENTORING_SESSION.MENTORSHIP_ID.in(pairings(person)))
                                .orderBy(
                                        MENTORING_SESSION.HELD_ON.desc(),
                                        MENTORING_ACTION.SESSION_ID,
                                        MENTORING_ACTION.POSITION)));
        return sections;
    }

    private static Condition pairingOf(UUID person) {
        return MENTORSHIP.MENTOR_ID.eq(person).or(MENTORSHIP.MENTEE_ID.eq(person));
    }

    private org.jooq.Select<org.jooq.Record1<UUID>> pairings(UUID person) {
        return DSL.select(MENTORSHIP.ID).from(MENTORSHIP).where(pairingOf(person));
    }

    private PersonalData.Section section(ExportBudget budget, String name, org.jooq.SelectLimitStep<?> query) {
        return rows.fetch(query, MAX.get(name), budget);
    }
}
