package org.trellis.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trellis.persistence.jooq.Tables.INCIDENT_RESPONDER;
import static org.trellis.persistence.jooq.Tables.UNMATCHED_EVENT;
import static org.trellis.persistence.jooq.Tables.WEBHOOK_ENDPOINT;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.trellis.api.support.IntegrationTest;
import org.trellis.graphql.GlobalId;
import tools.jackson.databind.json.JsonMapper;

/**
 * Export and erasure through GraphQL: the export holds the person's data and their own private notes, not another
 * participant's nor the summaries of what they did to others, within a size budget; after erasure no answer, export
 * or log line carries their name or email, the erasure is audited by id only, and the other side of their pairings
 * and other providers' accounts of the same name keep their data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataIntegrationTest extends IntegrationTest {

    private static final String EXPORT = "mutation($p: ID!) { exportPersonalData(input: {personId: $p}) { export {"
            + " json markdown truncated } userErrors { code } } }";
    private static final String ERASE = "mutation($p: ID!, $c: ID!) { erasePerson(input: {personId: $p,"
            + " confirmPersonId: $c}) { personId erasedAt userErrors { field code } } }";

    @Autowired
    private PersonalDataReader reader;

    @Autowired
    private JsonMapper json;

    private TestTenant tenant;
    private String admin;
    private String version;
    private Map<String, String> competencies;

    /** A person with evidence, a pairing with a mentor, a session with both private notes, and audited changes. */
    record Subject(String token, String id, String name, String email, String mentorToken, String session) {}

    @BeforeAll
    void organisation() {
        tenant = newTenant("privacy");
        admin = tenant.admin();
        version = seniorRoleTemplate(admin);
        competencies = competencies(admin, version);
    }

    @Test
    void exportHoldsThePersonsDataAndTheirOwnPrivateNotesOnly() {
        Subject subject = subject("Zephyrine Quill");

        Map<String, Object> export = export(subject.id());

        String json = (String) export.get("json");
        assertThat(json)
                .contains(subject.name(), subject.email(), "Zephyrine's *design* doc", "shared by the pair")
                .contains("mine: the mentee's private note")
                .doesNotContain("the mentor's private note");
        assertThat((List<?>) export.get("truncated")).isEmpty();
        String markdown = (String) export.get("markdown");
        assertThat(markdown)
                .contains("# Personal data export", "## Evidence (1)", "Zephyrine Quill")
                .contains("Zephyrine\\'s \\*design\\* doc")
                .doesNotContain("*design*", "the mentor's private note");
        assertThat(auditActions(subject.id())).contains("person.data-exported");
    }

    @Test
    void exportStatementsDoNotGrowWithTheData() {
        Subject small = subject("Petra Small");
        Subject large = subject("Lars Large");
        for (int i = 0; i < 4; i++) {
            logEvidence(large.token(), "Lars " + i);
        }
        export(small.id());
        sqlStatements.reset();
        export(small.id());
        int few = sqlStatements.count();
        sqlStatements.reset();
        export(large.id());
        assertThat(sqlStatements.count()).isEqualTo(few);
    }

    @Test
    void erasureLeavesNoAnswerExportOrLogLineWithTheNameOrEmail() {
        Subject subject = subject("Ottoline Brackwater");
        String nomination = graphQl(admin)
                .document("mutation($p: ID!) { nominateForPromotion(input: {personId: $p, note: \"Ottoline is"
                        + " ready\"}) { promotionCase { id } userErrors { code message } } }")
                .variable("p", subject.id())
                .execute()
                .path("nominateForPromotion.promotionCase.id")
                .entity(String.class)
                .get();
        String self = personOf(admin);
        assertThat(erase(subject.id(), self).get("userErrors").toString()).contains("confirmPersonId", "INVALID");
        assertThat(erase(self, self).get("userErrors").toString()).contains("CONFLICT");

        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        try {
            Map<String, Object> erased = erase(subject.id(), subject.id());
            assertThat((List<?>) erased.get("userErrors")).isEmpty();
            assertThat(erased.get("personId")).isEqualTo(subject.id());
            int audited = auditEventCount(tenant.uuid());
            assertThat(erase(subject.id(), subject.id()).get("erasedAt"))
                    .as("erasing again changes nothing")
                    .isEqualTo(erased.get("erasedAt"));
            assertThat(auditEventCount(tenant.uuid())).isEqualTo(audited);

            String answers = String.join(
                    "\n",
                    answer(
                            admin,
                            "query($p: ID!) { person(id: $p) { displayName email userName title status"
                                    + " externalAccounts { account } } }",
                            subject.id()),
                    answer(admin, "{ people(first: 100, filter: {search: \"Brackwater\"}) { edges { node { id } } } }"),
                    answer(admin, "{ people(first: 100) { edges { node { displayName email userName } } } }"),
                    answer(
                            admin,
                            "query($p: ID!) { evidence(personId: $p, first: 100) { edges { node { title"
                                    + " description links } } } }",
                            subject.id()),
                    answer(admin, "{ auditEvents(first: 100) { edges { node { action summary } } } }"),
                    answer(
                            subject.mentorToken(),
                            "{ myMentorships { note closingNote mentee { displayName }"
                                    + " sessions { sharedNotes privateNote actions { description } } } }"),
                    answer(
                            admin,
                            "{ dashboard { people { displayName } heatmap { rows { person { displayName } } } } }"),
                    answer(
                            admin,
                            "query($p: ID!) { node(id: $p) { ... on PromotionCase { note packet frozen {"
                                    + " competencies { evidence { title } } } } } }",
                            nomination),
                    answer(admin, EXPORT, subject.id()));
            for (String trace : List.of("ottoline", "brackwater", subject.email())) {
                assertThat(answers.toLowerCase(Locale.ROOT)).as(trace).doesNotContain(trace);
                assertThat(logs.list)
                        .as("log lines naming " + trace)
                        .noneMatch(event -> event.getFormattedMessage()
                                .toLowerCase(Locale.ROOT)
                                .contains(trace));
            }
            assertThat(answers)
                    .as("the other participant keeps their own private note")
                    .contains("the mentor's private note");
        } finally {
            root.detachAppender(logs);
        }
        String erasure = answer(
                admin,
                "{ auditEvents(first: 5, filter: {action: \"person.erased\"}) { edges { node { targetId summary } } } }");
        assertThat(erasure).contains(subject.id()).contains("summary={}");

        String again = personOf(subject.token());
        assertThat(again)
                .as("the old sign-in account is gone: signing in again is a new person")
                .isNotEqualTo(subject.id());
    }

    @Test
    void exportShowsWhatThePersonDidToOthersWithoutTheirSummaries() {
        String self = personOf(admin);
        String other = graphQl(admin)
                .document("mutation { createPerson(input: {displayName: \"Quentin Actorless\", email:"
                        + " \"quentin-actorless@example.com\"}) { person { id } } }")
                .execute()
                .path("createPerson.person.id")
                .entity(String.class)
                .get();

        String json = (String) export(self).get("json");

        assertThat(json)
                .contains(
                        "person.created",
                        GlobalId.decode(other, "Person").orElseThrow().toString())
                .doesNotContain("Quentin Actorless", "quentin-actorless@example.com");
    }

    @Test
    void exportStopsAtItsSizeBudgetAndNamesTheSectionsCut() {
        Subject subject = subject("Beatrix Budget");
        UUID person = GlobalId.decode(subject.id(), "Person").orElseThrow();
        var whole = inTenant(tenant.uuid(), tx -> reader.read(person, new ExportBudget(Long.MAX_VALUE)));
        int profile =
                json.writeValueAsString(whole.get("profile").rows().getFirst()).length();

        var cut = inTenant(tenant.uuid(), tx -> reader.read(person, new ExportBudget(profile)));

        assertThat(cut.get("profile").rows()).isEqualTo(whole.get("profile").rows());
        assertThat(new PersonalData(person, Instant.now(), cut).truncatedSections())
                .contains("evidence", "mentorships", "mentoringSessions", "auditEvents")
                .doesNotContain("profile", "teams", "scimAttributes");
        assertThat(cut.get("evidence").rows()).isEmpty();
        assertThat(cut.get("auditEvents").rows()).isEmpty();
        assertThat(new PersonalData(person, Instant.now(), whole).truncatedSections())
                .isEmpty();
    }

    @Test
    void erasingAMentorKeepsTheirMenteesRecordAndOtherProvidersAccounts() {
        Subject mentee = subject("Mona Mentee");
        String mentor = personOf(mentee.mentorToken());
        String login = "octo-" + UUID.randomUUID().toString().substring(0, 8);
        ok(
                admin,
                "mutation($p: ID!, $a: String!) { linkExternalAccount(input: {personId: $p, provider: GITHUB,"
                        + " account: $a}) { userErrors { code } } }",
                Map.of("p", mentor, "a", login));
        UUID github = endpoint("GITHUB");
        UUID pagerDuty = endpoint("PAGERDUTY");
        UUID githubEvent = unmatched(github, "GITHUB", login);
        UUID pagerDutyEvent = unmatched(pagerDuty, "PAGERDUTY", login);
        inTenant(
                tenant.uuid(),
                tx -> tx.insertInto(INCIDENT_RESPONDER)
                        .set(INCIDENT_RESPONDER.TENANT_ID, tenant.uuid())
                        .set(INCIDENT_RESPONDER.ENDPOINT_ID, pagerDuty)
                        .set(INCIDENT_RESPONDER.INCIDENT_REF, "P123")
                        .set(INCIDENT_RESPONDER.ACCOUNT, login)
                        .execute());

        assertThat((List<?>) erase(mentor, mentor).get("userErrors")).isEmpty();

        assertThat(answer(
                        mentee.token(), "{ myMentorships { note sessions { sharedNotes actions { description } } } }"))
                .as("the mentee keeps what they wrote, and the pairing note the admin wrote")
                .contains("shared by the pair with Mona Mentee", "Mona reads the book", "for Mona Mentee");
        assertThat(unmatchedAccount(githubEvent)).isEqualTo(ErasedRecords.ERASED);
        assertThat(unmatchedAccount(pagerDutyEvent))
                .as("a PagerDuty user of the same name is someone else")
                .isEqualTo(login);
        int responders = inTenant(
                tenant.uuid(), tx -> tx.fetchCount(INCIDENT_RESPONDER, INCIDENT_RESPONDER.ENDPOINT_ID.eq(pagerDuty)));
        assertThat(responders).isEqualTo(1);
    }

    private UUID endpoint(String provider) {
        UUID id = UUID.randomUUID();
        inTenant(
                tenant.uuid(),
                tx -> tx.insertInto(WEBHOOK_ENDPOINT)
                        .set(WEBHOOK_ENDPOINT.TENANT_ID, tenant.uuid())
                        .set(WEBHOOK_ENDPOINT.ID, id)
                        .set(WEBHOOK_ENDPOINT.PROVIDER, provider)
                        .set(WEBHOOK_ENDPOINT.NAME, provider.toLowerCase(Locale.ROOT))
                        .set(WEBHOOK_ENDPOINT.SECRET_CIPHERTEXT, "v1.unused")
                        .set(WEBHOOK_ENDPOINT.SECRET_HINT, "whsec_…")
                        .execute());
        return id;
    }

    private UUID unmatched(UUID endpoint, String provider, String account) {
        UUID id = UUID.randomUUID();
        inTenant(
                tenant.uuid(),
                tx -> tx.insertInto(UNMATCHED_EVENT)
                        .set(UNMATCHED_EVENT.TENANT_ID, tenant.uuid())
                        .set(UNMATCHED_EVENT.ID, id)
                        .set(UNMATCHED_EVENT.ENDPOINT_ID, endpoint)
                        .set(UNMATCHED_EVENT.PROVIDER, provider)
                        .set(UNMATCHED_EVENT.ACCOUNT, account)
                        .set(UNMATCHED_EVENT.KIND, "CODE_REVIEW")
                        .set(UNMATCHED_EVENT.TITLE, "work of " + account)
                        .set(UNMATCHED_EVENT.DESCRIPTION, "")
                        .set(UNMATCHED_EVENT.OCCURRED_ON, LocalDate.now())
                        .set(UNMATCHED_EVENT.EXTERNAL_ID, id.toString())
                        .set(UNMATCHED_EVENT.REASON, "UNKNOWN_ACCOUNT")
                        .set(UNMATCHED_EVENT.STATUS, "PENDING")
                        .execute());
        return id;
    }

    private String unmatchedAccount(UUID event) {
        return inTenant(
                tenant.uuid(),
                tx -> tx.select(UNMATCHED_EVENT.ACCOUNT)
                        .from(UNMATCHED_EVENT)
                        .where(UNMATCHED_EVENT.ID.eq(event))
                        .fetchSingle(UNMATCHED_EVENT.ACCOUNT));
    }

    private Subject subject(String name) {
        String subject = name.toLowerCase(Locale.ROOT).replace(' ', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 6);
        String email = subject + "@example.com";
        String token = tenant.issuer()
                .token(tenant.audience(), subject, c -> c.claim("email", email).claim("name", name));
        String id = personOf(token);
        String mentorToken =
                tenant.token("mentor-" + UUID.randomUUID().toString().substring(0, 8));
        String mentor = personOf(mentorToken);
        ok(
                admin,
                "mutation($p: ID!, $v: ID!) { assignFramework(input: {personId: $p, versionId: $v, currentLevel:"
                        + " \"L3\"}) { userErrors { code } } }",
                Map.of("p", id, "v", version));
        String first = name.split(" ")[0];
        ok(
                token,
                "mutation($c: ID!, $d: Date!, $t: String!) { logEvidence(input: {competencyIds: [$c], kind: DESIGN_DOC,"
                        + " title: $t, description: \"Written by " + name
                        + "\", occurredOn: $d}) { userErrors { code } } }",
                Map.of(
                        "c",
                        competencies.get("code-review"),
                        "d",
                        LocalDate.now().toString(),
                        "t",
                        first + "'s *design* doc"));
        ok(
                admin,
                "mutation($p: ID!) { updatePerson(input: {id: $p, title: \"Staff " + name
                        + "\"}) { userErrors { code } } }",
                Map.of("p", id));
        String pairing = graphQl(admin)
                .document("mutation($m: ID!, $e: ID!) { proposeMentorship(input: {mentorId: $m, menteeId: $e, note:"
                        + " \"for " + name + "\"}) { mentorship { id } } }")
                .variable("m", mentor)
                .variable("e", id)
                .execute()
                .path("proposeMentorship.mentorship.id")
                .entity(String.class)
                .get();
        ok(
                mentorToken,
                "mutation($id: ID!) { acceptMentorship(input: {id: $id, expectedVersion: 1}) { userErrors { code } } }",
                Map.of("id", pairing));
        String session = graphQl(token)
                .document("mutation($m: ID!, $d: Date!) { logMentoringSession(input: {mentorshipId: $m, heldOn: $d,"
                        + " durationMinutes: 30, sharedNotes: \"shared by the pair with " + name + "\", privateNote:"
                        + " \"mine: the mentee's private note\", actions: [\"" + first + " reads the book\"]}) {"
                        + " session { id } } }")
                .variable("m", pairing)
                .variable("d", LocalDate.now().toString())
                .execute()
                .path("logMentoringSession.session.id")
                .entity(String.class)
                .get();
        ok(
                mentorToken,
                "mutation($s: ID!) { setSessionPrivateNote(input: {sessionId: $s, body: \"the mentor's private"
                        + " note\"}) { userErrors { code } } }",
                Map.of("s", session));
        return new Subject(token, id, name, email, mentorToken, session);
    }

    private void logEvidence(String token, String title) {
        ok(
                token,
                "mutation($c: ID!, $d: Date!, $t: String!) { logEvidence(input: {competencyIds: [$c], kind: DESIGN_DOC,"
                        + " title: $t, description: \"Written by the person\", occurredOn: $d}) { userErrors { code } } }",
                Map.of(
                        "c",
                        competencies.get("code-review"),
                        "d",
                        LocalDate.now().toString(),
                        "t",
                        title));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> export(String person) {
        return graphQl(admin)
                .document(EXPORT)
                .variable("p", person)
                .execute()
                .path("exportPersonalData.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("exportPersonalData.export")
                .entity(Map.class)
                .get();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> erase(String person, String confirmation) {
        return graphQl(admin)
                .document(ERASE)
                .variable("p", person)
                .variable("c", confirmation)
                .execute()
                .path("erasePerson")
                .entity(Map.class)
                .get();
    }

    private List<String> auditActions(String person) {
        return graphQl(admin)
                .document(
                        "query($t: ID!) { auditEvents(first: 100, filter: {targetId: $t}) { edges { node { action } } } }")
                .variable("t", person)
                .execute()
                .path("auditEvents.edges[*].node.action")
                .entityList(String.class)
                .get();
    }

    /** The whole answer (data and errors) as text; fails on errors. */
    private String answer(String token, String document, String... person) {
        var request = graphQl(token).document(document);
        if (person.length > 0) {
            request = request.variable("p", person[0]);
        }
        var response = request.execute();
        response.errors().verify();
        return String.valueOf(response.returnResponse().toMap());
    }

    private void ok(String token, String document, Map<String, Object> variables) {
        var request = graphQl(token).document(document);
        for (var variable : variables.entrySet()) {
            request = request.variable(variable.getKey(), variable.getValue());
        }
        request.execute().path("*.userErrors[*].code").entityList(Object.class).hasSize(0);
    }
}
