package org.trellis.api.mentoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.trellis.api.support.IntegrationTest;
import org.trellis.api.support.TestDatabase;
import org.trellis.graphql.GlobalId;

/**
 * Pairings end to end through GraphQL: every transition and constraint, the lapse of proposals, evidence from
 * sessions and goals, the evidence rules for active mentors, private notes per role, and suggestions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MentoringIntegrationTest extends IntegrationTest {

    private static final String TRANSITION = "mutation($id: ID!, $v: Int!, $n: String) { %s(input: {id: $id,"
            + " expectedVersion: $v, note: $n}) { mentorship { id status version closingNote } userErrors { field code"
            + " message } } }";
    private static final String SESSIONS = "query($id: ID!) { node(id: $id) { ... on Mentorship { sessions {"
            + " id sharedNotes privateNote durationMinutes actions { id description done } evidence { id kind"
            + " status source } } } } }";

    private TestTenant tenant;
    private String admin;
    private String version;
    private final Map<String, String> competencyIds = new HashMap<>();
    private String boss;
    private String mona;

    @BeforeAll
    void organisation() {
        tenant = newTenant("mentoring");
        admin = tenant.admin();
        version = seniorRoleTemplate(admin);
        competencyIds.putAll(competencies(admin, version));
        boss = person("boss", null, "L5", "managers");
        mona = person("mona", null, "L5", "managers");
    }

    @Test
    void pairsAMenteeWithASuggestedMentorAndRecordsTheirWork() {
        String mentee = person("mia", boss, "L3");
        String mentor = person("max", mona, "L5");
        endorse(mentor, "code-review", 3);

        // The admin ranks the candidates for the mentee's code-review gap: max comes first, for the reasons shown.
        String suggestionsQuery =
                "query($m: ID!, $c: [ID!]) { mentorSuggestions(menteeId: $m, competencyIds: $c) { gaps { key }"
                        + " suggestions { mentor { id } score freeCapacity level reasons strengths { competency { key }"
                        + " endorsedEvidence } } } }";
        List<Map> ranked = graphQl(admin)
                .document(suggestionsQuery)
                .variable("m", mentee)
                .variable("c", List.of(competencyIds.get("code-review")))
                .execute()
                .path("mentorSuggestions.suggestions")
                .entityList(Map.class)
                .get();
        assertThat(ranked).isNotEmpty();
        assertThat(ranked.getFirst().get("mentor")).isEqualTo(Map.of("id", mentor));
        assertThat((List<String>) ranked.getFirst().get("reasons"))
                .contains(
                        "3 endorsed pieces of evidence in Code review in the past year", "2 of 2 mentoring places free")
                .anyMatch(reason -> reason.startsWith("Level L5, 2 above the mentee's L3"));
        // max is outside boss's reporting line: boss learns his strength in the gap, not his counts, level or places.
        Map<?, ?> seenByBoss = graphQl(token("boss"))
                .document(suggestionsQuery)
                .variable("m", mentee)
                .variable("c", List.of(competencyIds.get("code-review")))
                .execute()
                .path("mentorSuggestions.suggestions")
                .entityList(Map.class)
                .get()
                .stream()
                .filter(suggestion -> suggestion.get("mentor").equals(Map.of("id", mentor)))
                .findFirst()
                .orElseThrow();
        assertThat((List<String>) seenByBoss.get("reasons"))
                .containsExactly(
                        "Endorsed evidence in Code review in the past year", "Outside the mentee's reporting line");
        assertThat(seenByBoss.get("freeCapacity")).isNull();
        assertThat(seenByBoss.get("level")).isNull();

        // The manager pairs the mentee with him.

        String pairing = propose(token("boss"), mentor, mentee, List.of(competencyIds.get("code-review")));
        Map<String, Object> accepted = transition(token("max"), "acceptMentorship", pairing, 1, null);
        assertThat(accepted.get("status")).isEqualTo("ACTIVE");

        // The pair logs a session: it becomes the mentor's mentoring evidence, which the mentor's manager endorses.
        String session = logSession(
                token("mia"),
                pairing,
                "Walked through review etiquette",
                "mia's own thoughts",
                List.of("Review two PRs a week", "Read the style guide"));
        Map<String, Object> logged = sessionsOf(token("max"), pairing).getFirst();
        assertThat(logged.get("id")).isEqualTo(session);
        assertThat((Map<String, Object>) logged.get("evidence"))
                .containsEntry("kind", "MENTORING")
                .containsEntry("status", "SUBMITTED")
                .containsEntry("source", "MENTORING");
        String sessionEvidence = (String) ((Map<?, ?>) logged.get("evidence")).get("id");
        graphQl(token("mona"))
                .document("mutation($id: ID!) { endorseEvidence(input: {id: $id, expectedVersion: 1, comment:"
                        + " \"Good mentoring\"}) { evidence { status person { id } competencies { key } } } }")
                .variable("id", sessionEvidence)
                .execute()
                .path("endorseEvidence.evidence.status")
                .entity(String.class)
                .isEqualTo("ENDORSED")
                .path("endorseEvidence.evidence.person.id")
                .entity(String.class)
                .isEqualTo(mentor)
                .path("endorseEvidence.evidence.competencies[0].key")
                .entity(String.class)
                .isEqualTo("mentoring");

        // A retried log with the same key returns the first session: no second session, no second evidence.
        for (int attempt = 0; attempt < 2; attempt++) {
            graphQl(token("max"))
                    .document("mutation($m: ID!, $d: Date!) { logMentoringSession(input: {mentorshipId: $m, heldOn: $d,"
                            + " durationMinutes: 30, idempotencyKey: \"retry-1\"}) { session { id } } }")
                    .variable("m", pairing)
                    .variable("d", LocalDate.now().toString())
                    .execute()
                    .path("logMentoringSession.session.id")
                    .hasValue();
        }
        assertThat(sessionsOf(token("max"), pairing)).hasSize(2);
        assertThat(classification(
                        token("mia"),
                        "mutation($m: ID!, $d: Date!) { logMentoringSession(input: {mentorshipId: $m, heldOn: $d,"
                                + " durationMinutes: 30, idempotencyKey: \"retry-1\"}) { session { id } userErrors { code } } }",
                        Map.of("m", pairing, "d", LocalDate.now().toString())))
                .isEqualTo("CONFLICT");
        // The key is the shared idempotency mechanism's: other input with it, or another operation, is a CONFLICT.
        assertThat(classification(
                        token("max"),
                        "mutation($m: ID!, $d: Date!) { logMentoringSession(input: {mentorshipId: $m, heldOn: $d,"
                                + " durationMinutes: 45, idempotencyKey: \"retry-1\"}) { session { id } userErrors { code } } }",
                        Map.of("m", pairing, "d", LocalDate.now().toString())))
                .isEqualTo("CONFLICT");
        assertThat(classification(
                        token("max"),
                        "mutation($c: ID!, $d: Date!) { logEvidence(input: {competencyIds: [$c], kind: OTHER,"
                                + " title: \"Other\", occurredOn: $d, idempotencyKey: \"retry-1\"}) { evidence { id }"
                                + " userErrors { code } } }",
                        Map.of(
                                "c",
                                competencyIds.get("code-review"),
                                "d",
                                LocalDate.now().toString())))
                .isEqualTo("CONFLICT");
        assertThat(sessionsOf(token("max"), pairing)).hasSize(2);

        // Actions are ticked off by the pair.
        String action = (String)
                ((List<Map<String, Object>>) logged.get("actions")).getFirst().get("id");
        graphQl(token("max"))
                .document(
                        "mutation($id: ID!) { setMentoringActionDone(input: {id: $id, done: true}) { action { done } } }")
                .variable("id", action)
                .execute()
                .path("setMentoringActionDone.action.done")
                .entity(Boolean.class)
                .isEqualTo(true);

        // A goal on the mentee's competency, achieved and logged as the mentee's evidence.
        String goal = graphQl(token("max"))
                .document(
                        "mutation($m: ID!, $c: ID!, $d: Date) { addMentoringGoal(input: {mentorshipId: $m,"
                                + " competencyId: $c, title: \"Lead a design review\", targetDate: $d}) { goal { id status } } }")
                .variable("m", pairing)
                .variable("c", competencyIds.get("code-review"))
                .variable("d", LocalDate.now().plusMonths(2).toString())
                .execute()
                .path("addMentoringGoal.goal.id")
                .entity(String.class)
                .get();
        graphQl(token("mia"))
                .document("mutation($id: ID!) { setMentoringGoalStatus(input: {id: $id, expectedVersion: 1, status:"
                        + " ACHIEVED, logEvidence: true}) { goal { status evidence { person { id } status source"
                        + " competencies { key } } } } }")
                .variable("id", goal)
                .execute()
                .path("setMentoringGoalStatus.goal.status")
                .entity(String.class)
                .isEqualTo("ACHIEVED")
                .path("setMentoringGoalStatus.goal.evidence.person.id")
                .entity(String.class)
                .isEqualTo(mentee)
                .path("setMentoringGoalStatus.goal.evidence.competencies[0].key")
                .entity(String.class)
                .isEqualTo("code-review");

        // Only the mentee turns an achieved goal into their evidence (the mentor, who may review it, may not).
        String second = graphQl(token("max"))
                .document("mutation($m: ID!, $c: ID!) { addMentoringGoal(input: {mentorshipId: $m, competencyId: $c,"
                        + " title: \"Pair on a review\"}) { goal { id } } }")
                .variable("m", pairing)
                .variable("c", competencyIds.get("code-review"))
                .execute()
                .path("addMentoringGoal.goal.id")
                .entity(String.class)
                .get();
        assertThat(classification(
                        token("max"),
                        "mutation($id: ID!) { setMentoringGoalStatus(input: {id: $id, expectedVersion: 1, status: ACHIEVED,"
                                + " logEvidence: true}) { goal { id } } }",
                        Map.of("id", second)))
                .isEqualTo("FORBIDDEN");

        // A goal moves once.
        assertThat(classification(
                        token("max"),
                        "mutation($id: ID!) { setMentoringGoalStatus(input: {id: $id, expectedVersion: 2, status: DROPPED})"
                                + " { goal { id } userErrors { code } } }",
                        Map.of("id", goal)))
                .isEqualTo("CONFLICT");

        // Finishing needs an outcome; then the pairing is completed and no more sessions can be logged.
        graphQl(token("max"))
                .document(TRANSITION.formatted("completeMentorship"))
                .variable("id", pairing)
                .variable("v", 2)
                .execute()
                .path("completeMentorship.mentorship")
                .valueIsNull();
        assertThat(transition(token("max"), "completeMentorship", pairing, 2, "Reviews independently now")
                        .get("status"))
                .isEqualTo("COMPLETED");
        assertThat(classification(
                        token("mia"),
                        "mutation($m: ID!, $d: Date!) { logMentoringSession(input: {mentorshipId:"
                                + " $m, heldOn: $d, durationMinutes: 30}) { session { id } userErrors { code } } }",
                        Map.of("m", pairing, "d", LocalDate.now().toString())))
                .isEqualTo("CONFLICT");
    }

    @Test
    void enforcesEveryTransitionAndConstraint() {
        String mentee = person("tess", boss, "L3");
        String mentor = person("tom", mona, "L4");
        String other = person("tina", mona, "L4");

        // No self-mentoring; the mentee proposes for themselves, a stranger may not.
        assertThat(userErrorFields(token("tess"), Map.of("mentorId", mentee, "menteeId", mentee)))
                .contains("mentorId");
        assertThat(classification(
                        token("tina"),
                        "mutation($i: ProposeMentorshipInput!) { proposeMentorship(input: $i)"
                                + " { mentorship { id } } }",
                        Map.of("i", Map.of("mentorId", mentor, "menteeId", mentee))))
                .isEqualTo("FORBIDDEN");
        // Bad deadlines and focus outside the framework are refused, and nothing is created.
        assertThat(userErrorFields(
                        token("tess"),
                        Map.of(
                                "mentorId", mentor,
                                "menteeId", mentee,
                                "respondBy",
                                        Instant.now().minus(1, ChronoUnit.HOURS).toString())))
                .contains("respondBy");
        assertThat(userErrorFields(
                        token("tess"),
                        Map.of(
                                "mentorId", mentor,
                                "menteeId", mentee,
                                "respondBy",
                                        Instant.now().plus(90, ChronoUnit.DAYS).toString())))
                .contains("respondBy");
        assertThat(userErrorFields(
                        token("tess"),
                        Map.of(
                                "mentorId", mentor,
                                "menteeId", mentee,
                                "focusCompetencyIds", List.of(GlobalId.encode("Competency", UUID.randomUUID())))))
                .contains("focus");
        assertThat(mine(token("tess"))).isEmpty();

        String pairing = propose(token("tess"), mentor, mentee, List.of());
        // One open pairing between two people, whichever way round.
        assertThat(proposeClassification(token("tess"), mentor, mentee)).isEqualTo("CONFLICT");
        assertThat(proposeClassification(admin, mentee, mentor)).isEqualTo("CONFLICT");
        // Only the mentor answers; a proposal cannot be completed.
        assertThat(transitionClassification(token("tess"), "acceptMentorship", pairing, 1, null))
                .isEqualTo("FORBIDDEN");
        assertThat(transitionClassification(token("tom"), "completeMentorship", pairing, 1, "x"))
                .isEqualTo("CONFLICT");
        assertThat(transitionClassification(token("tom"), "declineMentorship", pairing, 7, null))
                .isEqualTo("STALE");
        assertThat(transition(token("tom"), "declineMentorship", pairing, 1, "No time this quarter"))
                .containsEntry("status", "DECLINED")
                .containsEntry("closingNote", "No time this quarter");
        assertThat(transitionClassification(token("tom"), "acceptMentorship", pairing, 2, null))
                .isEqualTo("CONFLICT");

        // Capacity: with room for one, the second accept is refused, and so is a third proposal.
        setCapacity(token("tom"), mentor, 1);
        String first = propose(token("tess"), mentor, mentee, List.of());
        String second = propose(admin, mentor, other, List.of());
        transition(token("tom"), "acceptMentorship", first, 1, null);
        assertThat(transitionClassification(token("tom"), "acceptMentorship", second, 1, null))
                .isEqualTo("CONFLICT");
        String third = person("tara", boss, "L3");
        assertThat(proposeClassification(token("boss"), mentor, third)).isEqualTo("CONFLICT");
        assertThat(graphQl(token("tom"))
                        .document("{ mentorLoad { capacity activeMentees freeCapacity pendingProposals } }")
                        .execute()
                        .path("mentorLoad")
                        .entity(Map.class)
                        .get())
                .containsEntry("capacity", 1)
                .containsEntry("activeMentees", 1)
                .containsEntry("freeCapacity", 0)
                .containsEntry("pendingProposals", 1);
        // Ending early needs a reason (a user error that changes nothing); the mentee's manager may end it.
        graphQl(token("boss"))
                .document("mutation($id: ID!) { endMentorship(input: {id: $id, expectedVersion: 2}) { mentorship { id }"
                        + " userErrors { field } } }")
                .variable("id", first)
                .execute()
                .path("endMentorship.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("input", "reason");
        assertThat(transition(token("boss"), "endMentorship", first, 2, "Changed teams"))
                .containsEntry("status", "ENDED");
        assertThat(transitionClassification(token("boss"), "endMentorship", first, 3, "again"))
                .isEqualTo("CONFLICT");
        graphQl(token("tom"))
                .document("mutation($p: ID!) { setMentorCapacity(input: {personId: $p, capacity: 21}) { mentorLoad {"
                        + " capacity } userErrors { field } } }")
                .variable("p", mentor)
                .execute()
                .path("setMentorCapacity.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("input", "capacity");
        graphQl(token("tom"))
                .document("{ mentorLoad { capacity } }")
                .execute()
                .path("mentorLoad.capacity")
                .entity(Integer.class)
                .isEqualTo(1);
    }

    @Test
    void proposalsLapseAtTheirDeadline() throws Exception {
        String mentee = person("lea", boss, "L3");
        String mentor = person("leo", mona, "L4");
        String pairing = propose(token("boss"), mentor, mentee, List.of());
        moveDeadlineIntoThePast(pairing);

        assertThat(mine(token("leo")))
                .singleElement()
                .satisfies(m -> assertThat(m.get("status")).isEqualTo("LAPSED"));
        GraphQlTester.Response response = graphQl(token("leo"))
                .document(TRANSITION.formatted("acceptMentorship"))
                .variable("id", pairing)
                .variable("v", 1)
                .execute();
        response.path("acceptMentorship.mentorship")
                .valueIsNull()
                .path("acceptMentorship.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("CONFLICT")
                .path("acceptMentorship.userErrors[0].message")
                .entity(String.class)
                .satisfies(message -> assertThat(message).contains("deadline"));
        // A lapsed proposal does not block a new one.
        String again = propose(token("boss"), mentor, mentee, List.of());
        assertThat(transition(token("leo"), "acceptMentorship", again, 1, null)).containsEntry("status", "ACTIVE");
    }

    @Test
    void nobodyButTheAuthorReadsAPrivateNote() {
        String mentee = person("nina", boss, "L3");
        String mentor = person("ned", mona, "L4");
        String pairing = propose(admin, mentor, mentee, List.of());
        transition(token("ned"), "acceptMentorship", pairing, 1, null);
        String session =
                logSession(token("ned"), pairing, "Shared agenda:\n- reviews\n- on-call", "ned only", List.of());
        graphQl(token("nina"))
                .document("mutation($s: ID!) { setSessionPrivateNote(input: {sessionId: $s, body: \"nina only\"})"
                        + " { session { privateNote } } }")
                .variable("s", session)
                .execute()
                .path("setSessionPrivateNote.session.privateNote")
                .entity(String.class)
                .isEqualTo("nina only");

        assertThat(sessionsOf(token("ned"), pairing).getFirst()).containsEntry("privateNote", "ned only");
        assertThat(sessionsOf(token("nina"), pairing).getFirst()).containsEntry("privateNote", "nina only");
        for (String viewer : List.of(token("boss"), token("mona"), admin)) {
            Map<String, Object> seen = sessionsOf(viewer, pairing).getFirst();
            assertThat(seen).containsEntry("sharedNotes", "Shared agenda:\n- reviews\n- on-call");
            assertThat(seen.get("privateNote")).isNull();
        }
        // A colleague does not see the pairing at all.
        assertThat(classification(tenant.token("colleague"), SESSIONS, Map.of("id", pairing)))
                .isEqualTo("NOT_FOUND");
        // Nor can a manager write into it.
        assertThat(classification(
                        token("boss"),
                        "mutation($s: ID!) { setSessionPrivateNote(input: {sessionId: $s,"
                                + " body: \"boss\"}) { session { id } } }",
                        Map.of("s", session)))
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void anActiveMentorSeesAndEndorsesTheMenteesEvidenceOnlyWhileActive() {
        String mentee = person("ola", boss, "L3");
        String mentor = person("otto", mona, "L4");
        String item = logAndSubmit(token("ola"), "code-review");
        String evidenceOfMentee = "query($p: ID!) { evidence(personId: $p, first: 5) { edges { node { id } } } }";
        assertThat(classification(token("otto"), evidenceOfMentee, Map.of("p", mentee)))
                .isEqualTo("FORBIDDEN");

        String pairing = propose(token("boss"), mentor, mentee, List.of());
        transition(token("otto"), "acceptMentorship", pairing, 1, null);
        graphQl(token("otto"))
                .document("{ reviewQueue(first: 10) { edges { node { id } } } }")
                .execute()
                .path("reviewQueue.edges[*].node.id")
                .entityList(String.class)
                .contains(item);
        graphQl(token("otto"))
                .document("mutation($id: ID!) { endorseEvidence(input: {id: $id, expectedVersion: 2}) { evidence {"
                        + " status reviewedBy { id } } } }")
                .variable("id", item)
                .execute()
                .path("endorseEvidence.evidence.status")
                .entity(String.class)
                .isEqualTo("ENDORSED")
                .path("endorseEvidence.evidence.reviewedBy.id")
                .entity(String.class)
                .isEqualTo(mentor);

        transition(token("otto"), "completeMentorship", pairing, 2, "Done");
        assertThat(classification(token("otto"), evidenceOfMentee, Map.of("p", mentee)))
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void deactivatingAPersonClosesTheirPairings() {
        String mentee = person("quin", boss, "L3");
        String proposedMentee = person("quip", boss, "L3");
        String mentor = person("quentin", mona, "L4");
        String active = propose(token("boss"), mentor, mentee, List.of());
        transition(token("quentin"), "acceptMentorship", active, 1, null);
        String proposal = propose(token("boss"), mentor, proposedMentee, List.of());

        graphQl(admin)
                .document("mutation($id: ID!) { deactivatePerson(input: {id: $id}) { person { status } } }")
                .variable("id", mentor)
                .execute()
                .path("deactivatePerson.person.status")
                .entity(String.class)
                .isEqualTo("DEACTIVATED");
        for (String pairing : List.of(active, proposal)) {
            graphQl(admin)
                    .document("query($id: ID!) { node(id: $id) { ... on Mentorship { status closingNote } } }")
                    .variable("id", pairing)
                    .execute()
                    .path("node.status")
                    .entity(String.class)
                    .isEqualTo(pairing.equals(active) ? "ENDED" : "LAPSED")
                    .path("node.closingNote")
                    .entity(String.class)
                    .isEqualTo("Closed automatically: a member was deactivated.");
        }
    }

    @Test
    void suggestionsRankByStrengthLevelAndCapacityAndKeepOutTheReportingLine() {
        String mentee = person("pia", boss, "L3");
        String strong = person("sam", mona, "L5");
        String weaker = person("sid", mona, "L4");
        String full = person("sue", mona, "L5");
        endorse(strong, "incident-response", 4);
        endorse(weaker, "incident-response", 1);
        endorse(full, "incident-response", 5);
        setCapacity(token("mona"), full, 0);
        endorse(boss, "incident-response", 5);

        String query = "query($m: ID!, $c: [ID!], $x: Boolean) { mentorSuggestions(menteeId: $m, competencyIds: $c,"
                + " excludeReportingLine: $x, first: 10) { suggestions { mentor { id } score } } }";
        // The admin sees every candidate's counts, levels and capacity, so the ranking weighs them all.
        List<String> ranked = graphQl(admin)
                .document(query)
                .variable("m", mentee)
                .variable("c", List.of(competencyIds.get("incident-response")))
                .variable("x", true)
                .execute()
                .path("mentorSuggestions.suggestions[*].mentor.id")
                .entityList(String.class)
                .get();
        assertThat(ranked).containsSubsequence(strong, weaker).doesNotContain(full, boss, mentee);
        List<String> withLine = graphQl(token("pia"))
                .document(query)
                .variable("m", mentee)
                .variable("c", List.of(competencyIds.get("incident-response")))
                .variable("x", false)
                .execute()
                .path("mentorSuggestions.suggestions[*].mentor.id")
                .entityList(String.class)
                .get();
        assertThat(withLine).contains(boss).doesNotContain(full);
        // Without named competencies the gaps are the mentee's own: all of them, with no endorsed evidence yet.
        graphQl(token("pia"))
                .document("query($m: ID!) { mentorSuggestions(menteeId: $m) { gaps { key } } }")
                .variable("m", mentee)
                .execute()
                .path("mentorSuggestions.gaps[*].key")
                .entityList(String.class)
                .hasSize(competencyIds.size());
    }

    /**
     * Issue #10 item 5: suggestions showed any colleague's level, endorsed-evidence counts and free capacity. An
     * engineer asking for himself now sees none of them for colleagues outside his view, and the order among them
     * does not follow the hidden counts; the candidates' manager and the admin see them all, ranked by them.
     */
    @Test
    void suggestionsShowLevelsCountsAndCapacityOnlyOfCandidatesTheCallerMaySee() {
        String mentee = person("ned", mona, "L3");
        String strong = person("noel", mona, "L5");
        String weak = person("nia", mona, "L4");
        endorse(strong, "security", 4);
        endorse(weak, "security", 1);
        String query = "query($m: ID!, $c: [ID!]) { mentorSuggestions(menteeId: $m, competencyIds: $c, first: 10) {"
                + " suggestions { mentor { id email } score freeCapacity level reasons strengths { endorsedEvidence } } } }";

        List<Map> seenByMentee = suggestions(token("ned"), query, mentee);
        assertThat(seenByMentee)
                .extracting(s -> ((Map) s.get("mentor")).get("id"))
                .containsExactly(weak, strong);
        for (Map suggestion : seenByMentee) {
            assertThat(suggestion.get("score")).isEqualTo(2.0);
            assertThat(suggestion.get("freeCapacity")).isNull();
            assertThat(suggestion.get("level")).isNull();
            assertThat(suggestion.get("strengths"))
                    .isEqualTo(List.of(java.util.Collections.singletonMap("endorsedEvidence", null)));
            assertThat(((Map) suggestion.get("mentor")).get("email")).isNull();
            assertThat((List<String>) suggestion.get("reasons"))
                    .containsExactly(
                            "Endorsed evidence in Security practice in the past year",
                            "Outside the mentee's reporting line");
        }

        for (String caller : List.of(token("mona"), admin)) {
            List<Map> full = suggestions(caller, query, mentee);
            assertThat(full).extracting(s -> ((Map) s.get("mentor")).get("id")).containsExactly(strong, weak);
            assertThat(full.getFirst())
                    .containsEntry("freeCapacity", 2)
                    .containsEntry("level", "L5")
                    .containsEntry("strengths", List.of(Map.of("endorsedEvidence", 4)));
            assertThat((List<String>) full.getFirst().get("reasons"))
                    .contains(
                            "4 endorsed pieces of evidence in Security practice in the past year",
                            "2 of 2 mentoring places free")
                    .anyMatch(reason -> reason.startsWith("Level L5, 2 above the mentee's L3"));
        }
    }

    private List<Map> suggestions(String token, String query, String mentee) {
        return graphQl(token)
                .document(query)
                .variable("m", mentee)
                .variable("c", List.of(competencyIds.get("security")))
                .execute()
                .path("mentorSuggestions.suggestions")
                .entityList(Map.class)
                .get();
    }

    @Test
    void listsMentorshipsWithoutOneQueryPerPairing() {
        String mentor = person("uma", mona, "L5");
        setCapacity(token("uma"), mentor, 10);
        for (int i = 0; i < 5; i++) {
            String mentee = person("ulf" + i, boss, "L3");
            String pairing = propose(token("boss"), mentor, mentee, List.of(competencyIds.get("planning")));
            transition(token("uma"), "acceptMentorship", pairing, 1, null);
            logSession(token("uma"), pairing, "notes " + i, "private " + i, List.of("a", "b"));
            String goal = graphQl(token("uma"))
                    .document(
                            "mutation($m: ID!, $c: ID!) { addMentoringGoal(input: {mentorshipId: $m, competencyId: $c,"
                                    + " title: \"Plan a quarter\"}) { goal { id } } }")
                    .variable("m", pairing)
                    .variable("c", competencyIds.get("planning"))
                    .execute()
                    .path("addMentoringGoal.goal.id")
                    .entity(String.class)
                    .get();
            graphQl(token("ulf" + i))
                    .document("mutation($id: ID!) { setMentoringGoalStatus(input: {id: $id, expectedVersion: 1, status:"
                            + " ACHIEVED, logEvidence: true}) { goal { evidence { id } } } }")
                    .variable("id", goal)
                    .execute()
                    .path("setMentoringGoalStatus.goal.evidence.id")
                    .hasValue();
        }
        String query = "query($r: MentoringRole) { myMentorships(role: $r) { mentor { displayName } mentee {"
                + " displayName } proposedBy { id } focus { key } goals { id competency { key } evidence { id } } sessions { privateNote"
                + " actions { done } evidence { id } loggedBy { id } } } }";
        sqlStatements.reset();
        graphQl(token("uma"))
                .document(query)
                .variable("r", "MENTOR")
                .execute()
                .path("myMentorships")
                .entityList(Object.class)
                .hasSize(5);
        int five = sqlStatements.count();
        sqlStatements.reset();
        graphQl(token("ulf0"))
                .document(query)
                .variable("r", "MENTEE")
                .execute()
                .path("myMentorships")
                .entityList(Object.class)
                .hasSize(1);
        assertThat(five).isEqualTo(sqlStatements.count());
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private String token(String subject) {
        return "boss".equals(subject) || "mona".equals(subject)
                ? tenant.token(subject, "managers")
                : tenant.token(subject);
    }

    /** A person (signed in once) on the senior-role framework at a level, with a manager. */
    private String person(String subject, String manager, String level, String... groups) {
        String id = personOf(tenant.token(subject, groups));
        graphQl(admin)
                .document(
                        "mutation($p: ID!, $v: ID!, $l: String!) { assignFramework(input: {personId: $p, versionId: $v,"
                                + " currentLevel: $l}) { userErrors { message } } }")
                .variable("p", id)
                .variable("v", version)
                .variable("l", level)
                .execute()
                .path("assignFramework.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        if (manager != null) {
            graphQl(admin)
                    .document("mutation($p: ID!, $m: ID) { setManager(input: {personId: $p, managerId: $m}) { person"
                            + " { id } } }")
                    .variable("p", id)
                    .variable("m", manager)
                    .execute()
                    .path("setManager.person.id")
                    .hasValue();
        }
        return id;
    }

    /** {@code count} pieces of evidence on a competency, endorsed by an admin-appointed reviewer (the manager). */
    private void endorse(String person, String key, int count) {
        String subject = subjectOf(person);
        for (int i = 0; i < count; i++) {
            String item = logAndSubmit(token(subject), key);
            graphQl(reviewerOf(person))
                    .document("mutation($id: ID!) { endorseEvidence(input: {id: $id, expectedVersion: 2}) { evidence {"
                            + " status } } }")
                    .variable("id", item)
                    .execute()
                    .path("endorseEvidence.evidence.status")
                    .entity(String.class)
                    .isEqualTo("ENDORSED");
        }
    }

    private final Map<String, String> subjects = new HashMap<>();

    private String subjectOf(String person) {
        if (subjects.isEmpty()) {
            graphQl(admin)
                    .document("{ people(first: 100) { edges { node { id displayName } } } }")
                    .execute()
                    .path("people.edges[*].node")
                    .entityList(Map.class)
                    .get()
                    .forEach(p -> subjects.put((String) p.get("id"), (String) p.get("displayName")));
        }
        return subjects.computeIfAbsent(
                person,
                id -> graphQl(admin)
                        .document("query($id: ID!) { node(id: $id) { ... on Person { displayName } } }")
                        .variable("id", id)
                        .execute()
                        .path("node.displayName")
                        .entity(String.class)
                        .get());
    }

    /** The person's manager's token: mona for the mentors, and admin-made manager "root" for the managers. */
    private String reviewerOf(String person) {
        if (person.equals(boss)) {
            String root = person("root", null, "L5", "managers");
            graphQl(admin)
                    .document("mutation($p: ID!, $m: ID) { setManager(input: {personId: $p, managerId: $m}) { person"
                            + " { id } } }")
                    .variable("p", boss)
                    .variable("m", root)
                    .execute()
                    .path("setManager.person.id")
                    .hasValue();
            return tenant.token("root", "managers");
        }
        return token("mona");
    }

    private String logAndSubmit(String token, String key) {
        String item = graphQl(token)
                .document("mutation($c: ID!, $d: Date!) { logEvidence(input: {competencyIds: [$c], kind: OTHER, title:"
                        + " \"work\", occurredOn: $d}) { evidence { id } } }")
                .variable("c", competencyIds.get(key))
                .variable("d", LocalDate.now().toString())
                .execute()
                .path("logEvidence.evidence.id")
                .entity(String.class)
                .get();
        graphQl(token)
                .document(
                        "mutation($id: ID!) { submitEvidence(input: {id: $id, expectedVersion: 1}) { evidence { id } } }")
                .variable("id", item)
                .execute()
                .path("submitEvidence.evidence.id")
                .hasValue();
        return item;
    }

    private String propose(String token, String mentor, String mentee, List<String> focus) {
        return graphQl(token)
                .document("mutation($i: ProposeMentorshipInput!) { proposeMentorship(input: $i) { mentorship { id"
                        + " status focus { key } } userErrors { field message } } }")
                .variable("i", Map.of("mentorId", mentor, "menteeId", mentee, "focusCompetencyIds", focus))
                .execute()
                .path("proposeMentorship.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("proposeMentorship.mentorship.status")
                .entity(String.class)
                .isEqualTo("PROPOSED")
                .path("proposeMentorship.mentorship.focus")
                .entityList(Object.class)
                .hasSize(focus.size())
                .path("proposeMentorship.mentorship.id")
                .entity(String.class)
                .get();
    }

    private List<String> userErrorFields(String token, Map<String, Object> input) {
        return graphQl(token)
                .document("mutation($i: ProposeMentorshipInput!) { proposeMentorship(input: $i) { mentorship { id }"
                        + " userErrors { field } } }")
                .variable("i", input)
                .execute()
                .path("proposeMentorship.userErrors[*].field[1]")
                .entityList(String.class)
                .get();
    }

    private String proposeClassification(String token, String mentor, String mentee) {
        return classification(
                token,
                "mutation($i: ProposeMentorshipInput!) { proposeMentorship(input: $i) { mentorship { id }"
                        + " userErrors { code } } }",
                Map.of("i", Map.of("mentorId", mentor, "menteeId", mentee)));
    }

    private Map<String, Object> transition(String token, String mutation, String id, int version, String note) {
        return graphQl(token)
                .document(TRANSITION.formatted(mutation))
                .variable("id", id)
                .variable("v", version)
                .variable("n", note)
                .execute()
                .path(mutation + ".mentorship")
                .entity(Map.class)
                .get();
    }

    private String transitionClassification(String token, String mutation, String id, int version, String note) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", id);
        variables.put("v", version);
        variables.put("n", note);
        return classification(token, TRANSITION.formatted(mutation), variables);
    }

    /** The error's classification, or else the code of a mutation's first user error (conflicts are user errors). */
    private String classification(String token, String document, Map<String, Object> variables) {
        GraphQlTester.Request<?> request = graphQl(token).document(document);
        for (var variable : variables.entrySet()) {
            request = request.variable(variable.getKey(), variable.getValue());
        }
        List<ResponseError> errors = new java.util.ArrayList<>();
        GraphQlTester.Response response = request.execute();
        response.errors().satisfy(errors::addAll);
        if (!errors.isEmpty()) {
            return String.valueOf(errors.getFirst().getExtensions().get("classification"));
        }
        List<?> codes =
                response.path("*.userErrors[*].code").entityList(Object.class).get();
        return codes.isEmpty() ? "NONE" : String.valueOf(codes.getFirst());
    }

    private void setCapacity(String token, String person, int capacity) {
        graphQl(token)
                .document("mutation($p: ID!, $c: Int!) { setMentorCapacity(input: {personId: $p, capacity: $c}) {"
                        + " mentorLoad { capacity } } }")
                .variable("p", person)
                .variable("c", capacity)
                .execute()
                .path("setMentorCapacity.mentorLoad.capacity")
                .entity(Integer.class)
                .isEqualTo(capacity);
    }

    private String logSession(String token, String pairing, String shared, String note, List<String> actions) {
        return graphQl(token)
                .document("mutation($m: ID!, $d: Date!, $s: String, $p: String, $a: [String!]) { logMentoringSession("
                        + "input: {mentorshipId: $m, heldOn: $d, durationMinutes: 45, sharedNotes: $s, privateNote: $p,"
                        + " actions: $a}) { session { id } } }")
                .variable("m", pairing)
                .variable("d", LocalDate.now().toString())
                .variable("s", shared)
                .variable("p", note)
                .variable("a", actions)
                .execute()
                .path("logMentoringSession.session.id")
                .entity(String.class)
                .get();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> sessionsOf(String token, String pairing) {
        return graphQl(token)
                .document(SESSIONS)
                .variable("id", pairing)
                .execute()
                .path("node.sessions")
                .entityList(Map.class)
                .get()
                .stream()
                .map(m -> (Map<String, Object>) m)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> mine(String token) {
        return graphQl(token)
                .document("{ myMentorships { id status } }")
                .execute()
                .path("myMentorships")
                .entityList(Map.class)
                .get()
                .stream()
                .map(m -> (Map<String, Object>) m)
                .toList();
    }

    private void moveDeadlineIntoThePast(String pairing) throws Exception {
        try (Connection owner = DriverManager.getConnection(
                TestDatabase.INSTANCE.url(), TestDatabase.OWNER.name(), TestDatabase.OWNER.password())) {
            owner.setAutoCommit(false);
            try (PreparedStatement scope = owner.prepareStatement("select set_config('trellis.tenant_id', ?, true)")) {
                scope.setString(1, tenant.uuid().toString());
                scope.execute();
            }
            try (PreparedStatement lapse = owner.prepareStatement(
                    "update mentorship set respond_by = now() - interval '1 minute' where id = ?")) {
                lapse.setObject(1, GlobalId.decode(pairing, "Mentorship").orElseThrow());
                assertThat(lapse.executeUpdate()).isEqualTo(1);
            }
            owner.commit();
        }
    }
}
