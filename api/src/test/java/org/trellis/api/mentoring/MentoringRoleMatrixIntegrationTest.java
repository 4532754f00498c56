package org.trellis.api.mentoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trellis.api.support.IntegrationTest;
import org.trellis.api.support.RoleMatrix;
import org.trellis.api.support.RoleMatrix.Operation;
import org.trellis.api.support.RoleMatrix.Outcome;

/**
 * Every mentoring operation as every kind of caller. The mentee reports to the mentee's manager, the mentor to the
 * mentor's manager; the colleague is unrelated. Reads run against one pairing, writes against fresh ones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MentoringRoleMatrixIntegrationTest extends IntegrationTest {

    enum Caller {
        ADMIN,
        MENTEE_MANAGER,
        MENTOR_MANAGER,
        MENTOR,
        MENTEE,
        COLLEAGUE,
        CLIENT,
        PLATFORM,
        OTHER_TENANT_ADMIN
    }

    /**
     * An active pairing (with a session, an action and a goal) of mentor and mentee, a proposal to the same mentor
     * from another mentee, and an unpaired candidate mentor.
     */
    record Targets(
            String active,
            String proposal,
            String mentor,
            String mentee,
            String session,
            String action,
            String goal,
            String candidate,
            String competency,
            String mentorToken,
            String menteeToken) {}

    private static final String STEP =
            "mutation($id: ID!) { %s(input: {id: $id, expectedVersion: %d, note: \"n\"})" + " { mentorship { id } } }";

    private static final Operation<Targets> NODE =
            op("node(Mentorship)", "query($id: ID!) { node(id: $id) { id } }", t -> Map.of("id", t.active()));
    private static final Operation<Targets> SESSION = op(
            "node(MentoringSession)",
            "query($id: ID!) { node(id: $id) { ... on MentoringSession { privateNote } } }",
            t -> Map.of("id", t.session()));
    private static final Operation<Targets> GOAL =
            op("node(MentoringGoal)", "query($id: ID!) { node(id: $id) { id } }", t -> Map.of("id", t.goal()));
    private static final Operation<Targets> MINE = op("myMentorships", "{ myMentorships { id } }", t -> Map.of());
    private static final Operation<Targets> REPORTS =
            op("reportsMentorships", "{ reportsMentorships(first: 5) { edges { cursor } } }", t -> Map.of());
    private static final Operation<Targets> LOAD =
            op("mentorLoad", "query($p: ID!) { mentorLoad(personId: $p) { capacity } }", t -> Map.of("p", t.mentor()));
    private static final Operation<Targets> SUGGEST = op(
            "mentorSuggestions",
            "query($p: ID!) { mentorSuggestions(menteeId: $p) { gaps { id } } }",
            t -> Map.of("p", t.mentee()));
    private static final Operation<Targets> PROPOSE = op(
            "proposeMentorship",
            "mutation($m: ID!, $e: ID!) { proposeMentorship(input: {mentorId: $m, menteeId: $e}) { mentorship { id } } }",
            t -> Map.of("m", t.candidate(), "e", t.mentee()));
    private static final Operation<Targets> ACCEPT =
            op("acceptMentorship", STEP.formatted("acceptMentorship", 1), t -> Map.of("id", t.proposal()));
    private static final Operation<Targets> DECLINE =
            op("declineMentorship", STEP.formatted("declineMentorship", 1), t -> Map.of("id", t.proposal()));
    private static final Operation<Targets> COMPLETE =
            op("completeMentorship", STEP.formatted("completeMentorship", 2), t -> Map.of("id", t.active()));
    private static final Operation<Targets> END =
            op("endMentorship", STEP.formatted("endMentorship", 2), t -> Map.of("id", t.active()));
    private static final Operation<Targets> CAPACITY = op(
            "setMentorCapacity",
            "mutation($p: ID!) { setMentorCapacity(input: {personId: $p, capacity: 3}) { mentorLoad { capacity } } }",
            t -> Map.of("p", t.mentor()));
    private static final Operation<Targets> ADD_GOAL = op(
            "addMentoringGoal",
            "mutation($m: ID!, $c: ID!) { addMentoringGoal(input: {mentorshipId: $m, competencyId: $c, title: \"g\"})"
                    + " { goal { id } } }",
            t -> Map.of("m", t.active(), "c", t.competency()));
    private static final Operation<Targets> GOAL_STATUS = op(
            "setMentoringGoalStatus",
            "mutation($id: ID!) { setMentoringGoalStatus(input: {id: $id, expectedVersion: 1, status: DROPPED})"
                    + " { goal { id } } }",
            t -> Map.of("id", t.goal()));
    private static final Operation<Targets> LOG_SESSION = op(
            "logMentoringSession",
            "mutation($m: ID!, $d: Date!) { logMentoringSession(input: {mentorshipId: $m, heldOn: $d,"
                    + " durationMinutes: 30}) { session { id } } }",
            t -> Map.of("m", t.active(), "d", LocalDate.now().toString()));
    private static final Operation<Targets> NOTE = op(
            "setSessionPrivateNote",
            "mutation($s: ID!) { setSessionPrivateNote(input: {sessionId: $s, body: \"b\"}) { session { id } } }",
            t -> Map.of("s", t.session()));
    private static final Operation<Targets> ACTION = op(
            "setMentoringActionDone",
            "mutation($id: ID!) { setMentoringActionDone(input: {id: $id, done: true}) { action { id } } }",
            t -> Map.of("id", t.action()));

    private static final List<Operation<Targets>> READS = List.of(NODE, SESSION, GOAL, MINE, REPORTS, LOAD, SUGGEST);

    private final AtomicInteger sequence = new AtomicInteger();
    private TestTenant tenant;
    private String admin;
    private String version;
    private String competency;
    private String menteeManager;
    private String mentorManager;
    private Map<Caller, String> tokens;
    private Targets shared;
    private Targets unspent;

    @BeforeAll
    void organisation() {
        tenant = newTenant("mentoring-matrix");
        admin = tenant.admin();
        version = seniorRoleTemplate(admin);
        competency = graphQl(admin)
                .document("query($v: ID!) { frameworkVersion(id: $v) { competencies { id } } }")
                .variable("v", version)
                .execute()
                .path("frameworkVersion.competencies[0].id")
                .entity(String.class)
                .get();
        menteeManager = person("mentee-boss", null, "managers");
        mentorManager = person("mentor-boss", null, "managers");
        registerServiceClient(
                admin,
                tenant.providerId(),
                "mentoring-client",
                List.of("people:read", "people:write", "evidence:read", "evidence:write", "frameworks:read"));
        tokens = Map.of(
                Caller.ADMIN, admin,
                Caller.MENTEE_MANAGER, tenant.token("mentee-boss", "managers"),
                Caller.MENTOR_MANAGER, tenant.token("mentor-boss", "managers"),
                Caller.COLLEAGUE, tenant.token("colleague"),
                Caller.CLIENT,
                        tenant.issuer()
                                .token(
                                        tenant.audience(),
                                        "mentoring-client",
                                        c -> c.claim(
                                                "scope",
                                                "people:read people:write evidence:read evidence:write frameworks:read")),
                Caller.PLATFORM, platformToken(),
                Caller.OTHER_TENANT_ADMIN, newTenant("mentoring-matrix-other").admin());
        person("colleague", null);
        shared = freshTargets();
    }

    //                                  ADMIN M_MGR R_MGR MENTOR MENTEE COLL CLIENT PLATFORM OTHER
    static Stream<Arguments> matrix() {
        return Stream.of(
                        row(NODE, "A A A A A N N N N"),
                        row(SESSION, "A A A A A N N N N"),
                        row(GOAL, "A A A A A N N N N"),
                        row(MINE, "A A A A A A F F A"),
                        row(REPORTS, "A A A A A A A F A"),
                        row(LOAD, "A F A A F F F F N"),
                        row(SUGGEST, "A A F F A F F F N"),
                        row(PROPOSE, "A A F F A F F F N"),
                        row(ACCEPT, "F F F A N N N N N"),
                        row(DECLINE, "F F F A N N N N N"),
                        row(COMPLETE, "A A A A A N N N N"),
                        row(END, "A A A A A N N N N"),
                        row(CAPACITY, "A F A A F F F F N"),
                        row(ADD_GOAL, "F F F A A N N N N"),
                        row(GOAL_STATUS, "F F F A A N N N N"),
                        row(LOG_SESSION, "F F F A A N N N N"),
                        row(NOTE, "F F F A A N N N N"),
                        row(ACTION, "F F F A A N N N N"))
                .flatMap(Function.identity());
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("matrix")
    void enforcesTheAuthorizationPolicy(Operation<Targets> operation, Caller caller, Outcome expected) {
        // A refused write changes nothing, so its targets serve the next case; an allowed write spends them.
        Targets targets = READS.contains(operation) ? shared : unspent != null ? unspent : freshTargets();
        String token = switch (caller) {
            case MENTOR -> targets.mentorToken();
            case MENTEE -> targets.menteeToken();
            default -> tokens.get(caller);
        };
        Outcome outcome = operation.run(graphQl(token), targets);
        unspent = READS.contains(operation) || outcome == Outcome.ALLOWED ? null : targets;
        assertThat(outcome).as(operation + " as " + caller).isEqualTo(expected);
    }

    private Targets freshTargets() {
        int n = sequence.incrementAndGet();
        String mentorSubject = "mentor-" + n;
        String menteeSubject = "mentee-" + n;
        String mentor = person(mentorSubject, mentorManager);
        String mentee = person(menteeSubject, menteeManager);
        String otherMentee = person("other-mentee-" + n, menteeManager);
        String candidate = person("candidate-" + n, mentorManager);
        String mentorToken = tenant.token(mentorSubject);
        String menteeToken = tenant.token(menteeSubject);
        String active = propose(admin, mentor, mentee);
        graphQl(mentorToken)
                .document(STEP.formatted("acceptMentorship", 1))
                .variable("id", active)
                .execute()
                .path("acceptMentorship.mentorship.id")
                .hasValue();
        String proposal = propose(admin, mentor, otherMentee);
        var session = graphQl(menteeToken)
                .document("mutation($m: ID!, $d: Date!) { logMentoringSession(input: {mentorshipId: $m, heldOn: $d,"
                        + " durationMinutes: 30, privateNote: \"mine\", actions: [\"act\"]}) { session { id actions { id"
                        + " } } } }")
                .variable("m", active)
                .variable("d", LocalDate.now().toString())
                .execute();
        String goal = graphQl(mentorToken)
                .document("mutation($m: ID!, $c: ID!) { addMentoringGoal(input: {mentorshipId: $m, competencyId: $c,"
                        + " title: \"g\"}) { goal { id } } }")
                .variable("m", active)
                .variable("c", competency)
                .execute()
                .path("addMentoringGoal.goal.id")
                .entity(String.class)
                .get();
        return new Targets(
                active,
                proposal,
                mentor,
                mentee,
                session.path("logMentoringSession.session.id")
                        .entity(String.class)
                        .get(),
                session.path("logMentoringSession.session.actions[0].id")
                        .entity(String.class)
                        .get(),
                goal,
                candidate,
                competency,
                mentorToken,
                menteeToken);
    }

    private String propose(String token, String mentor, String mentee) {
        return graphQl(token)
                .document("mutation($m: ID!, $e: ID!) { proposeMentorship(input: {mentorId: $m, menteeId: $e})"
                        + " { mentorship { id } } }")
                .variable("m", mentor)
                .variable("e", mentee)
                .execute()
                .path("proposeMentorship.mentorship.id")
                .entity(String.class)
                .get();
    }

    private String person(String subject, String manager, String... groups) {
        String id = personOf(tenant.token(subject, groups));
        graphQl(admin)
                .document("mutation($p: ID!, $v: ID!) { assignFramework(input: {personId: $p, versionId: $v,"
                        + " currentLevel: \"L3\"}) { assignment { assignedAt } } }")
                .variable("p", id)
                .variable("v", version)
                .execute()
                .path("assignFramework.assignment.assignedAt")
                .hasValue();
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

    private static Stream<Arguments> row(Operation<Targets> operation, String outcomes) {
        return RoleMatrix.row(operation, Caller.values(), outcomes);
    }

    private static Operation<Targets> op(
            String name, String document, Function<Targets, Map<String, Object>> variables) {
        return RoleMatrix.op(name, document, variables);
    }
}
