package org.trellis.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.trellis.api.support.IntegrationTest;

/**
 * Export and erasure through GraphQL: the export holds the person's data and their own private notes, not another
 * participant's; after erasure no answer, export or log line carries their name or email, and the erasure is
 * audited by id only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataIntegrationTest extends IntegrationTest {

    private static final String EXPORT = "mutation($p: ID!) { exportPersonalData(input: {personId: $p}) { export {"
            + " json markdown truncated } userErrors { code } } }";
    private static final String ERASE = "mutation($p: ID!, $c: ID!) { erasePerson(input: {personId: $p,"
            + " confirmPersonId: $c}) { personId erasedAt userErrors { field code } } }";

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
