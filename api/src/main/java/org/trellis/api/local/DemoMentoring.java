package org.trellis.api.local;

import static org.trellis.persistence.jooq.Tables.MENTORING_ACTION;
import static org.trellis.persistence.jooq.Tables.MENTORING_GOAL;
import static org.trellis.persistence.jooq.Tables.MENTORING_SESSION;
import static org.trellis.persistence.jooq.Tables.MENTORSHIP;
import static org.trellis.persistence.jooq.Tables.MENTORSHIP_FOCUS;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.trellis.api.local.DemoPeople.DemoPerson;

/**
 * Two active mentorships, each proposed by the mentee's manager and accepted by a mentor from another team, with
 * focus competencies, a goal, and sessions with shared notes and agreed actions.
 */
@Component
@Profile("local")
class DemoMentoring {

    private static final List<Pairing> PAIRINGS = List.of(
            new Pairing(
                    "demo-engineer-5",
                    DemoPeople.MENTEE,
                    80,
                    List.of("architecture", "technical-design"),
                    "Own a design end to end",
                    "Write and defend the design of the build scheduler's retry queue.",
                    List.of(
                            new Session(62, "Mapped where Sam wants to grow: designs and trade-offs.", "Read two ADRs"),
                            new Session(
                                    34,
                                    "Walked through the retry-queue options and their failure modes.",
                                    "Draft the design doc"),
                            new Session(
                                    9,
                                    "Reviewed the draft; tightened the alternatives section.",
                                    "Present it at the design review"))),
            new Pairing(
                    "demo-engineer-9",
                    "demo-engineer-10",
                    50,
                    List.of("incident-response", "observability"),
                    "Be ready to lead on call",
                    "Shadow two incidents, then lead one with Aisha as backup.",
                    List.of(
                            new Session(
                                    41,
                                    "Went through the on-call runbook and the last three incidents.",
                                    "Shadow the next incident"),
                            new Session(
                                    13,
                                    "Debriefed the push-notification incident Kai shadowed.",
                                    "Add the missing alert"))));

    private final DSLContext db;

    DemoMentoring(DSLContext db) {
        this.db = db;
    }

    void seed(DemoFramework.Version version, LocalDate today) {
        List<Query> inserts = new ArrayList<>();
        for (Pairing pairing : PAIRINGS) {
            DemoPerson mentor = DemoPeople.bySubject(pairing.mentor());
            DemoPerson mentee = DemoPeople.bySubject(pairing.mentee());
            UUID id = DemoPeople.id("demo-mentorship:" + pairing.mentor() + ":" + pairing.mentee());
            Instant proposed = at(today.minusDays(pairing.startedDaysAgo() + 2), 9);
            Instant accepted = at(today.minusDays(pairing.startedDaysAgo()), 11);
            inserts.add(db.insertInto(MENTORSHIP)
                    .set(MENTORSHIP.TENANT_ID, DemoData.TENANT_ID)
                    .set(MENTORSHIP.ID, id)
                    .set(MENTORSHIP.MENTOR_ID, mentor.id())
                    .set(MENTORSHIP.MENTEE_ID, mentee.id())
                    .set(MENTORSHIP.STATUS, "ACTIVE")
                    .set(MENTORSHIP.PROPOSED_BY, DemoPeople.managerOf(mentee).id())
                    .set(MENTORSHIP.NOTE, pairing.goal() + ".")
                    .set(MENTORSHIP.RESPOND_BY, at(today.minusDays(pairing.startedDaysAgo() - 12), 9))
                    .set(MENTORSHIP.RESPONDED_AT, accepted)
                    .set(MENTORSHIP.STARTED_AT, accepted)
                    .set(MENTORSHIP.VERSION, 2)
                    .set(MENTORSHIP.CREATED_AT, proposed)
                    .set(MENTORSHIP.UPDATED_AT, accepted)
                    .onConflictDoNothing());
            for (String key : pairing.focus()) {
                if (version.competency(key) != null) {
                    inserts.add(db.insertInto(MENTORSHIP_FOCUS)
                            .set(MENTORSHIP_FOCUS.TENANT_ID, DemoData.TENANT_ID)
                            .set(MENTORSHIP_FOCUS.MENTORSHIP_ID, id)
                            .set(MENTORSHIP_FOCUS.COMPETENCY_ID, version.competency(key))
                            .onConflictDoNothing());
                }
            }
            UUID goalCompetency = version.competency(pairing.focus().getFirst());
            if (goalCompetency != null) {
                inserts.add(db.insertInto(MENTORING_GOAL)
                        .set(MENTORING_GOAL.TENANT_ID, DemoData.TENANT_ID)
                        .set(MENTORING_GOAL.ID, DemoPeople.id("demo-goal:" + id))
                        .set(MENTORING_GOAL.MENTORSHIP_ID, id)
                        .set(MENTORING_GOAL.COMPETENCY_ID, goalCompetency)
                        .set(MENTORING_GOAL.TITLE, pairing.goal())
                        .set(MENTORING_GOAL.DESCRIPTION, pairing.goalDescription())
                        .set(MENTORING_GOAL.TARGET_DATE, today.plusDays(60))
                        .set(MENTORING_GOAL.STATUS, "OPEN")
                        .set(MENTORING_GOAL.CREATED_BY, mentee.id())
                        .set(MENTORING_GOAL.CREATED_AT, accepted)
                        .set(MENTORING_GOAL.UPDATED_AT, accepted)
                        .onConflictDoNothing());
            }
            for (Session session : pairing.sessions()) {
                inserts.addAll(session(id, mentor, session, today));
            }
        }
        db.batch(inserts).execute();
    }

    /** A session logged by the mentor, with its one agreed action (done once the next session has happened). */
    private List<Query> session(UUID mentorship, DemoPerson mentor, Session session, LocalDate today) {
        UUID id = DemoPeople.id("demo-session:" + mentorship + ":" + session.daysAgo());
        LocalDate held = today.minusDays(session.daysAgo());
        return List.of(
                db.insertInto(MENTORING_SESSION)
                        .set(MENTORING_SESSION.TENANT_ID, DemoData.TENANT_ID)
                        .set(MENTORING_SESSION.ID, id)
                        .set(MENTORING_SESSION.MENTORSHIP_ID, mentorship)
                        .set(MENTORING_SESSION.HELD_ON, held)
                        .set(MENTORING_SESSION.DURATION_MINUTES, 45)
                        .set(MENTORING_SESSION.SHARED_NOTES, session.notes())
                        .set(MENTORING_SESSION.LOGGED_BY, mentor.id())
                        .set(MENTORING_SESSION.CREATED_AT, at(held, 17))
                        .onConflictDoNothing(),
                db.insertInto(MENTORING_ACTION)
                        .set(MENTORING_ACTION.TENANT_ID, DemoData.TENANT_ID)
                        .set(MENTORING_ACTION.ID, DemoPeople.id("demo-action:" + id))
                        .set(MENTORING_ACTION.SESSION_ID, id)
                        .set(MENTORING_ACTION.POSITION, 0)
                        .set(MENTORING_ACTION.DESCRIPTION, session.action())
                        .set(MENTORING_ACTION.DONE, session.daysAgo() > 14)
                        .set(MENTORING_ACTION.UPDATED_AT, at(held, 17))
                        .onConflictDoNothing());
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).toInstant(ZoneOffset.UTC);
    }

    /** A pairing: mentor and mentee subjects, when it started, its focus competency keys, its goal and sessions. */
    record Pairing(
            String mentor,
            String mentee,
            int startedDaysAgo,
            List<String> focus,
            String goal,
            String goalDescription,
            List<Session> sessions) {}

    record Session(int daysAgo, String notes, String action) {}
}
