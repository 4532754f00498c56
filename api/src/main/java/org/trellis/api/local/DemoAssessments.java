package org.trellis.api.local;

import static org.trellis.persistence.jooq.Tables.ASSESSMENT;
import static org.trellis.persistence.jooq.Tables.ASSESSMENT_CYCLE;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.trellis.api.local.DemoPeople.DemoPerson;

/**
 * An assessment cycle open today, and in it self and manager assessments of a few engineers against their target
 * level, so readiness shows both side by side. The ratings agree with each profile's verdict: a manager's "below"
 * lands only on competencies that are partial anyway.
 */
@Component
@Profile("local")
class DemoAssessments {

    static final UUID CYCLE_ID = DemoPeople.id("demo-cycle:mid-year");
    static final String CYCLE_NAME = "Mid-year review";

    private static final List<Rating> RATINGS = List.of(
            new Rating(
                    DemoPeople.NOMINEE, "code-review", "MEETS", "EXCEEDS", "Erin's reviews are the team's reference."),
            new Rating(DemoPeople.NOMINEE, "incident-response", "MEETS", "MEETS", "Calm and thorough on call."),
            new Rating(DemoPeople.NOMINEE, "mentoring", "MEETS", "EXCEEDS", "Onboarded two new joiners this half."),
            new Rating(DemoPeople.MENTEE, "backend-services", "EXCEEDS", "MEETS", "The scheduler API is solid."),
            new Rating(DemoPeople.MENTEE, "product-collaboration", "MEETS", "MEETS", "Works well with product."),
            new Rating(DemoPeople.MENTEE, "architecture", "MEETS", "BELOW", "Next: own a design end to end."),
            new Rating(DemoPeople.MENTEE, "documentation", "MEETS", "MEETS", null),
            new Rating("demo-engineer-6", "architecture", "EXCEEDS", null, "Led the tokenisation redesign."),
            new Rating("demo-engineer-6", "security", "MEETS", null, null),
            new Rating("demo-engineer-10", "performance", "MEETS", "MEETS", "Cut the app's cold start by a third."));

    private final DSLContext db;

    DemoAssessments(DSLContext db) {
        this.db = db;
    }

    void seed(DemoFramework.Version version, LocalDate today) {
        db.insertInto(ASSESSMENT_CYCLE)
                .set(ASSESSMENT_CYCLE.TENANT_ID, DemoData.TENANT_ID)
                .set(ASSESSMENT_CYCLE.ID, CYCLE_ID)
                .set(ASSESSMENT_CYCLE.NAME, CYCLE_NAME)
                .set(ASSESSMENT_CYCLE.OPENS_ON, today.minusDays(10))
                .set(ASSESSMENT_CYCLE.CLOSES_ON, today.plusDays(21))
                .set(ASSESSMENT_CYCLE.STATUS, "OPEN")
                .set(
                        ASSESSMENT_CYCLE.CREATED_AT,
                        today.minusDays(10).atStartOfDay().toInstant(ZoneOffset.UTC))
                .onConflictDoNothing()
                .execute();
        List<Query> inserts = new ArrayList<>();
        for (Rating rating : RATINGS) {
            DemoPerson person = DemoPeople.bySubject(rating.subject());
            UUID competency = version.competency(rating.key());
            if (competency == null) {
                continue;
            }
            UUID level = version.level(person.requireCareer().target());
            inserts.add(insert(
                    version, person, rating.key(), competency, level, "SELF", rating.self(), null, person, today, 6));
            if (rating.manager() != null) {
                DemoPerson manager = DemoPeople.managerOf(person);
                inserts.add(insert(
                        version,
                        person,
                        rating.key(),
                        competency,
                        level,
                        "MANAGER",
                        rating.manager(),
                        rating.comment(),
                        manager,
                        today,
                        3));
            }
        }
        db.batch(inserts).execute();
    }

    private Query insert(
            DemoFramework.Version version,
            DemoPerson person,
            String key,
            UUID competency,
            UUID level,
            String kind,
            String rating,
            @Nullable String comment,
            DemoPerson by,
            LocalDate today,
            int daysAgo) {
        return db.insertInto(ASSESSMENT)
                .set(ASSESSMENT.TENANT_ID, DemoData.TENANT_ID)
                .set(ASSESSMENT.ID, DemoPeople.id("demo-assessment:" + person.subject() + ":" + key + ":" + kind))
                .set(ASSESSMENT.CYCLE_ID, CYCLE_ID)
                .set(ASSESSMENT.PERSON_ID, person.id())
                .set(ASSESSMENT.COMPETENCY_ID, competency)
                .set(ASSESSMENT.VERSION_ID, version.id())
                .set(ASSESSMENT.LEVEL_ID, level)
                .set(ASSESSMENT.KIND, kind)
                .set(ASSESSMENT.RATING, rating)
                .set(ASSESSMENT.COMMENT, comment)
                .set(ASSESSMENT.ASSESSED_BY, by.id())
                .set(
                        ASSESSMENT.ASSESSED_AT,
                        today.minusDays(daysAgo).atTime(LocalTime.of(15, 0)).toInstant(ZoneOffset.UTC))
                .onConflictDoNothing();
    }

    /** A self rating, and a manager rating (none for a self-assessment only) with the manager's comment. */
    record Rating(
            String subject,
            String key,
            String self,
            @Nullable String manager,
            @Nullable String comment) {}
}
