package org.trellis.api.privacy;

import static org.trellis.persistence.jooq.Tables.ASSESSMENT;
import static org.trellis.persistence.jooq.Tables.ASSESSMENT_CYCLE;
import static org.trellis.persistence.jooq.Tables.AUDIT_EVENT;
import static org.trellis.persistence.jooq.Tables.EVIDENCE;
import static org.trellis.persistence.jooq.Tables.EVIDENCE_COMPETENCY;
import static org.trellis.persistence.jooq.Tables.EXTERNAL_ACCOUNT;
import static org.trellis.persistence.jooq.Tables.FRAMEWORK_COMPETENCY;
import static org.trellis.persistence.jooq.Tables.MENTOR_CAPACITY;
import static org.trellis.persistence.jooq.Tables.PERSON;
import static org.trellis.persistence.jooq.Tables.PROMOTION_CASE;
import static org.trellis.persistence.jooq.Tables.READINESS_SNAPSHOT;
import static org.trellis.persistence.jooq.Tables.SCIM_USER_ATTRIBUTES;
import static org.trellis.persistence.jooq.Tables.TEAM;
import static org.trellis.persistence.jooq.Tables.TEAM_MEMBER;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Reads one person's profile and records, one statement per section: each section has a maximum ({@link #MAX}),
 * newest rows first, the export a size budget ({@link ExportBudget}), and the export says which sections were cut.
 * Audit entries where the person is only the actor come without their summary: it describes other people.
 */
@Repository
class PersonalDataReader {

    /** Maximum rows per section. */
    static final Map<String, Integer> MAX = Map.ofEntries(
            Map.entry("profile", 1),
            Map.entry("teams", 200),
            Map.entry("scimAttributes", 1),
            Map.entry("externalAccounts", 100),
            Map.entry("mentorCapacity", 1),
            Map.entry("evidence", 2000),
            Map.entry("assessments", 2000),
            Map.entry("readinessSnapshots", 500),
            Map.entry("promotionCases", 100),
            Map.entry("auditEvents", 1000));

    private final DSLContext db;
    private final Rows rows;
    private final MentoringDataReader mentoring;

    PersonalDataReader(DSLContext db, Rows rows, MentoringDataReader mentoring) {
        this.db = db;
        this.rows = rows;
        this.mentoring = mentoring;
    }

    /** The person's sections, in export order. */
    Map<String, PersonalData.Section> read(UUID person, ExportBudget budget) {
        Map<String, PersonalData.Section> sections = new LinkedHashMap<>();
        sections.put("profile", profile(person, budget));
        sections.put(
                "teams",
                section(
                        budget,
                        "teams",
                        db.select(TEAM.ID.as("team_id"), TEAM.NAME, TEAM_MEMBER.ROLE)
                                .from(TEAM_MEMBER)
                                .join(TEAM)
                                .on(TEAM.TENANT_ID.eq(TEAM_MEMBER.TENANT_ID), TEAM.ID.eq(TEAM_MEMBER.TEAM_ID))
                                .where(TEAM_MEMBER.PERSON_ID.eq(person))
                                .orderBy(TEAM.NAME)));
        sections.put(
                "scimAttributes",
                section(
                        budget,
                        "scimAttributes",
                        db.select(
                                        SCIM_USER_ATTRIBUTES.NAME,
                                        SCIM_USER_ATTRIBUTES.ENTERPRISE,
                                        SCIM_USER_ATTRIBUTES.UPDATED_AT)
                                .from(SCIM_USER_ATTRIBUTES)
                                .where(SCIM_USER_ATTRIBUTES.PERSON_ID.eq(person))));
        sections.put(
                "externalAccounts",
                section(
                        budget,
                        "externalAccounts",
                        db.select(
                                        EXTERNAL_ACCOUNT.ID,
                                        EXTERNAL_ACCOUNT.PROVIDER,
                                        EXTERNAL_ACCOUNT.IDENTITY_PROVIDER_ID,
                                        EXTERNAL_ACCOUNT.ACCOUNT,
                                        EXTERNAL_ACCOUNT.CREATED_AT)
                                .from(EXTERNAL_ACCOUNT)
                                .where(EXTERNAL_ACCOUNT.PERSON_ID.eq(person))
                                .orderBy(EXTERNAL_ACCOUNT.CREATED_AT)));
        sections.put(
                "mentorCapacity",
                section(
                        budget,
                        "mentorCapacity",
                        db.select(MENTOR_CAPACITY.CAPACITY, MENTOR_CAPACITY.UPDATED_AT)
                                .from(MENTOR_CAPACITY)
                                .where(MENTOR_CAPACITY.PERSON_ID.eq(person))));
        sections.put("evidence", evidence(person, budget));
        sections.put(
                "assessments",
                section(
                        budget,
                        "assessments",
                        db.select(
                                        ASSESSMENT.ID,
                                        ASSESSMENT_CYCLE.NAME.as("cycle"),
                                        FRAMEWORK_COMPETENCY.KEY.as("competency"),
                                        ASSESSMENT.KIND,
                                        ASSESSMENT.RATING,
                                        ASSESSMENT.COMMENT,
                                        ASSESSMENT.ASSESSED_BY,
                                        ASSESSMENT.ASSESSED_AT)
                                .from(ASSESSMENT)
                                .join(ASSESSMENT_CYCLE)
                                .on(
                                        ASSESSMENT_CYCLE.TENANT_ID.eq(ASSESSMENT.TENANT_ID),
                                        ASSESSMENT_CYCLE.ID.eq(ASSESSMENT.CYCLE_ID))
                                .join(FRAMEWORK_COMPETENCY)
                                .on(
                                        FRAMEWORK_COMPETENCY.TENANT_ID.eq(ASSESSMENT.TENANT_ID),
                                        FRAMEWORK_COMPETENCY.ID.eq(ASSESSMENT.COMPETENCY_ID))
                                .where(ASSESSMENT.PERSON_ID.eq(person))
                                .orderBy(ASSESSMENT.ASSESSED_AT.desc())));
        sections.put(
                "readinessSnapshots",
                section(
                        budget,
                        "readinessSnapshots",
                        db.select(
                                        READINESS_SNAPSHOT.TAKEN_AT,
                                        READINESS_SNAPSHOT.LEVEL_ID,
                                        READINESS_SNAPSHOT.VERDICT,
                                        READINESS_SNAPSHOT.SCORE,
                                        READINESS_SNAPSHOT.READY)
                                .from(READINESS_SNAPSHOT)
                                .where(READINESS_SNAPSHOT.PERSON_ID.eq(person))
                                .orderBy(READINESS_SNAPSHOT.TAKEN_AT.desc())));
        sections.put(
                "promotionCases",
                section(
                        budget,
                        "promotionCases",
                        db.select(
                                        PROMOTION_CASE.ID,
                                        PROMOTION_CASE.LEVEL_ID,
                                        PROMOTION_CASE.STATUS,
                                        PROMOTION_CASE.NOMINATED_BY,
                                        PROMOTION_CASE.NOTE,
                                        PROMOTION_CASE.DECISION_REASON,
                                        PROMOTION_CASE.DECIDED_BY,
                                        PROMOTION_CASE.CREATED_AT,
                                        PROMOTION_CASE.DECIDED_AT)
                                .from(PROMOTION_CASE)
                                .where(PROMOTION_CASE.PERSON_ID.eq(person))
                                .orderBy(PROMOTION_CASE.CREATED_AT.desc())));
        sections.putAll(mentoring.read(person, budget));
        sections.put(
                "auditEvents",
                section(
                        budget,
                        "auditEvents",
                        db.select(
                                        AUDIT_EVENT.UID.as("id"),
                                        AUDIT_EVENT.OCCURRED_AT,
                                        AUDIT_EVENT.ACTOR_KIND,
                                        AUDIT_EVENT.ACTOR_REF,
                                        AUDIT_EVENT.ACTION,
                                        AUDIT_EVENT.TARGET_TYPE,
                                        AUDIT_EVENT.TARGET_REF,
                                        DSL.when(AUDIT_EVENT.TARGET_REF.eq(person.toString()), AUDIT_EVENT.SUMMARY)
                                                .as("summary"))
                                .from(AUDIT_EVENT)
                                .where(AUDIT_EVENT
                                        .TARGET_REF
                                        .eq(person.toString())
                                        .or(AUDIT_EVENT.ACTOR_REF.eq(person.toString())))
                                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())));
        return sections;
    }

    private PersonalData.Section profile(UUID person, ExportBudget budget) {
        return section(
                budget,
                "profile",
                db.select(
                                PERSON.ID,
                                PERSON.DISPLAY_NAME,
                                PERSON.EMAIL,
                                PERSON.USER_NAME,
                                PERSON.EXTERNAL_ID,
                                PERSON.TITLE,
                                PERSON.TIME_ZONE,
                                PERSON.MANAGER_ID,
                                PERSON.ROLES,
                                PERSON.MAPPED_ROLES,
                                PERSON.STATUS,
                                PERSON.PROFILE_SOURCE,
                                PERSON.CREATED_AT,
                                PERSON.UPDATED_AT,
                                PERSON.SCIM_DELETED_AT)
                        .from(PERSON)
                        .where(PERSON.ID.eq(person)));
    }

    private PersonalData.Section evidence(UUID person, ExportBudget budget) {
        var competencies = DSL.field(DSL.select(DSL.arrayAgg(FRAMEWORK_COMPETENCY.KEY))
                        .from(EVIDENCE_COMPETENCY)
                        .join(FRAMEWORK_COMPETENCY)
                        .on(
                                FRAMEWORK_COMPETENCY.TENANT_ID.eq(EVIDENCE_COMPETENCY.TENANT_ID),
                                FRAMEWORK_COMPETENCY.ID.eq(EVIDENCE_COMPETENCY.COMPETENCY_ID))
                        .where(
                                EVIDENCE_COMPETENCY.TENANT_ID.eq(EVIDENCE.TENANT_ID),
                                EVIDENCE_COMPETENCY.EVIDENCE_ID.eq(EVIDENCE.ID)))
                .as("competencies");
        return section(
                budget,
                "evidence",
                db.select(
                                EVIDENCE.ID,
                                EVIDENCE.KIND,
                                EVIDENCE.TITLE,
                                EVIDENCE.DESCRIPTION,
                                EVIDENCE.OCCURRED_ON,
                                EVIDENCE.LINKS,
                                EVIDENCE.IMPACT,
                                EVIDENCE.SOURCE,
                                EVIDENCE.EXTERNAL_ID,
                                EVIDENCE.STATUS,
                                EVIDENCE.LOGGED_BY,
                                EVIDENCE.REVIEW_COMMENT,
                                EVIDENCE.REVIEWED_BY,
                                EVIDENCE.REVIEWED_AT,
                                EVIDENCE.CREATED_AT,
                                competencies)
                        .from(EVIDENCE)
                        .where(EVIDENCE.PERSON_ID.eq(person))
                        .orderBy(EVIDENCE.OCCURRED_ON.desc(), EVIDENCE.ID));
    }

    private PersonalData.Section section(ExportBudget budget, String name, org.jooq.SelectLimitStep<?> query) {
        return rows.fetch(query, MAX.get(name), budget);
    }
}
