package org.trellis.api.mentoring;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.trellis.api.support.RoleMatrix.Judge;
import org.trellis.api.support.RoleMatrix.Operation;
import org.trellis.api.support.RoleMatrix.Outcome;

/**
 * Every mentoring operation as every kind of caller. The mentee reports to the mentee's manager, the mentor to the
 * mentor's manager; the colleague is unrelated. Reads run against one pairing whose people report to managers of
 * their own (so the managers' lists are exactly known), next to an outsiders' pairing nobody here manages; writes run
 * against fresh pairings.
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
        CLIENT_READ,
        CLIENT_WRITE,
        CLIENT_OTHER_SCOPE,
        PLATFORM,
        OTHER_TENANT_ADMIN
    }

    /**
     * An active pairing (with a session, an action and a goal) of mentor and mentee, a proposal to the same mentor
     * from another mentee, an unpaired candidate mentor, and the outsiders' pairing.
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
            String outsiders,
            String mentorToken,
            String menteeToken) {}

    private static final String STEP = "mutation($id: ID!) { %s(input: {id: $id, expectedVersion: %d, note: \"n\"})"
            + " { mentorship { id status version } userErrors { code } } }";

    private static final Operation<Targets> NODE = op(
                    "node(Mentorship)",
                    "query($id: ID!) { node(id: $id) { id ... on Mentorship { mentor { id } mentee { id } } } }",
                    t -> Map.of("id", t.active()))
            .returning("node.id", Targets::active)
            .returning("node.mentor.id", Targets::mentor)
            .returning("node.mentee.id", Targets::mentee);
    /** The session's private note is the mentee's; nobody else ever reads it. */
    private static final Operation<Targets> SESSION = op(
                    "node(MentoringSession)",
                    "query($id: ID!) { node(id: $id) { id ... on MentoringSession { privateNote } } }",
                    t -> Map.of("id", t.session()))
            .returning("node.id", Targets::session)
            .expecting(answer -> answer.has("node.privateNote", answer.caller() == Caller.MENTEE ? "mine" : null));

    private static final Operation<Targets> GOAL = op(
                    "node(MentoringGoal)", "query($id: ID!) { node(id: $id) { id } }", t -> Map.of("id", t.goal()))
            .returning("node.id", Targets::goal);
    private static final Operation<Targets> MINE = op("myMentorships", "{ myMentorships { id } }", t -> Map.of())
            .expecting(answer -> answer.exactly(
                    "myMentorships.id",
                    switch ((Caller) answer.caller()) {
                        case MENTOR ->
                            Set.of(answer.targets().active(), answer.targets().proposal());
                        case MENTEE -> Set.of(answer.targets().active());
                        default -> Set.of();
                    }));
    /** Managers see exactly the pairings of their reports (never the outsiders'); people without reports see none. */
    private static final Operation<Targets> REPORTS = op(
                    "reportsMentorships", "{ reportsMentorships(first: 100) { edges { node { id } } } }", t -> Map.of())
            .expecting(answer -> answer.exactly(
                    "reportsMentorships.edges.node.id",
                    switch ((Caller) answer.caller()) {
                        case MENTEE_MANAGER, MENTOR_MANAGER ->
                            Set.of(answer.targets().active(), answer.targets().proposal());
                        default -> Set.of();
                    }));

    private static final Operation<Targets> LOAD = op(
                    "mentorLoad",
                    "query($p: ID!) { mentorLoad(personId: $p) { mentor { id } activeMentees pendingProposals } }",
                    t -> Map.of("p", t.mentor()))
            .returning("mentorLoad.mentor.id", Targets::mentor)
            .expecting(answer -> {
                answer.has("mentorLoad.activeMentees", 1);
                answer.has("mentorLoad.pendingProposals", 1);
            });
    // What each caller sees of a candidate is asserted in MentoringIntegrationTest (#10 item 5).
    private static final Operation<Targets> SUGGEST = op(
                    "mentorSuggestions",
                    "query($p: ID!) { mentorSuggestions(menteeId: $p) { gaps { id } suggestions { mentor { id } } } }",
                    t -> Map.of("p", t.mentee()))
            .expecting(answer -> {
                answer.nonEmpty("mentorSuggestions.gaps.id");
                answer.excludes(
                        "mentorSuggestions.suggestions.mentor.id",
                        answer.targets().mentee());
            });
    private static final Operation<Targets> PROPOSE = op(
                    "proposeMentorship",
                    "mutation($m: ID!, $e: ID!) { proposeMentorship(input: {mentorId: $m, menteeId: $e}) { mentorship"
                            + " { mentor { id } mentee { id } status } userErrors { code } } }",
                    t -> Map.of("m", t.candidate(), "e", t.mentee()))
            .returning("proposeMentorship.mentorship.mentor.id", Targets::candidate)
            .returning("proposeMentorship.mentorship.mentee.id", Targets::mentee)
            .expecting(answer -> answer.has("proposeMentorship.mentorship.status", "PROPOSED"));
    private static final Operation<Targets> ACCEPT = step("acceptMentorship", 1, Targets::proposal, "ACTIVE");
    private static final Operation<Targets> DECLINE = step("declineMentorship", 1, Targets::proposal, "DECLINED");
    private static final Operation<Targets> COMPLETE = step("completeMentorship", 2, Targets::active, "COMPLETED");
    private static final Operation<Targets> END = step("endMentorship", 2, Targets::active, "ENDED");
    private static final Operation<Targets> CAPACITY = op(
                    "setMentorCapacity",
                    "mutation($p: ID!) { setMentorCapacity(input: {personId: $p, capacity: 3}) { mentorLoad { mentor"
                            + " { id } capacity } userErrors { code } } }",
                    t -> Map.of("p", t.mentor()))
            .returning("setMentorCapacity.mentorLoad.mentor.id", Targets::mentor)
            .expecting(answer -> answer.has("setMentorCapacity.mentorLoad.capacity", 3));
    private static final Operation<Targets> ADD_GOAL = op(
                    "addMentoringGoal",
                    "mutation($m: ID!, $c: ID!) { addMentoringGoal(input: {mentorshipId: $m, competencyId: $c, title:"
                            + " \"added\"}) { goal { id title competency { id } } userErrors { code } } }",
                    t -> Map.of("m", t.active(), "c", t.competency()))
            .returning("addMentoringGoal.goal.competency.id", Targets::competency)
            .expecting(answer -> answer.has("addMentoringGoal.goal.title", "added"));
    private static final Operation<Targets> GOAL_STATUS = op(
                    "setMentoringGoalStatus",
                    "mutation($id: ID!) { setMentoringGoalStatus(input: {id: $id, expectedVersion: 1, status:"
                            + " DROPPED}) { goal { id status version } userErrors { code } } }",
                    t -> Map.of("id", t.goal()))
            .returning("setMentoringGoalStatus.goal.id", Targets::goal)
            .expecting(answer -> {
                answer.has("setMentoringGoalStatus.goal.status", "DROPPED");
                answer.has("setMentoringGoalStatus.goal.version", 2);
            });
    private static final Operation<Targets> LOG_SESSION = op(
                    "logMentoringSession",
                    "mutation($m: ID!, $d: Date!) { logMentoringSession(input: {mentorshipId: $m, heldOn: $d,"
                            + " durationMinutes: 45}) { session { id durationMinutes } userErrors { code } } }",
                    t -> Map.of("m", t.active(), "d", LocalDate.now().toString()))
            .expecting(answer -> answer.has("logMentoringSession.session.durationMinutes", 45));
    private static final Operation<Targets> NOTE = op(
                    "setSessionPrivateNote",
                    "mutation($s: ID!) { setSessionPrivateNote(input: {sessionId: $s, body: \"b\"}) { session { id"
                            + " privateNote } userErrors { code } } }",
                    t -> Map.of("s", t.session()))
            .returning("setSessionPrivateNote.session.id", Targets::session)
            .expecting(answer -> answer.has("setSessionPrivateNote.session.privateNote", "b"));
    private static final Operation<Targets> ACTION = op(
                    "setMentoringActionDone",
                    "mutation($id: ID!) { setMentoringActionDone(input: {id: $id, done: true}) { action { id done }"
                            + " userErrors { code } } }",
                    t -> Map.of("id", t.action()))
            .returning("setMentoringActionDone.action.id", Targets::action)
            .expecting(answer -> answer.has("setMentoringActionDone.action.done", true));

    private static final List<Operation<Targets>> READS = List.of(NODE, SESSION, GOAL, MINE, REPORTS, LOAD, SUGGEST);

    private final AtomicInteger sequence = new AtomicInteger();
    private TestTenant tenant;
    private String admin;
    private String version;
    private String competency;
    private String menteeManager;
    private String mentorManager;
    private String outsiders;
    private Map<Caller, String> tokens;
    private Map<Caller, String> readTokens;
    private Judge<Targets> judge;
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
        String allScopes = "people:read people:write evidence:read evidence:write frameworks:read";
        registerServiceClient(
                admin,
                tenant.providerId(),
                "mentoring-reader",
                List.of("people:read", "evidence:read", "frameworks:read"));
        registerServiceClient(admin, tenant.providerId(), "mentoring-writer", List.of(allScopes.split(" ")));
        registerServiceClient(admin, tenant.providerId(), "mentoring-other", List.of("frameworks:read"));
        tokens = new EnumMap<>(Map.of(
                Caller.ADMIN, admin,
                Caller.MENTEE_MANAGER, tenant.token("mentee-boss", "managers"),
                Caller.MENTOR_MANAGER, tenant.token("mentor-boss", "managers"),
                Caller.COLLEAGUE, tenant.token("colleague"),
                Caller.CLIENT_READ, tenant.clientToken("mentoring-reader", "people:read evidence:read frameworks:read"),
                Caller.CLIENT_WRITE, tenant.clientToken("mentoring-writer", allScopes),
                Caller.CLIENT_OTHER_SCOPE, tenant.clientToken("mentoring-other", "frameworks:read"),
                Caller.PLATFORM, platformToken(),
                Caller.OTHER_TENANT_ADMIN, newTenant("mentoring-matrix-other").admin()));
        signIn(tokens.values());
        person("colleague", null);
        menteeManager = personOf(tokens.get(Caller.MENTEE_MANAGER));
        mentorManager = personOf(tokens.get(Caller.MENTOR_MANAGER));
        readTokens = new EnumMap<>(tokens);
        readTokens.put(Caller.MENTEE_MANAGER, tenant.token("read-mentee-boss", "managers"));
        readTokens.put(Caller.MENTOR_MANAGER, tenant.token("read-mentor-boss", "managers"));
        outsiders = propose(admin, person("outsider-mentor", null), person("outsider-mentee", null));
        shared = targets(
                personOf(readTokens.get(Caller.MENTEE_MANAGER)), personOf(readTokens.get(Caller.MENTOR_MANAGER)));
        judge = new Judge<>(this::state, () -> auditEventCount(tenant.uuid()));
    }

    //                                  ADMIN M_MGR R_MGR MENTOR MENTEE COLL C_READ C_WRITE C_OTHER PLATFORM OTHER
    static Stream<Arguments> matrix() {
        return Stream.of(
                        row(NODE, "A A A A A N N N N N N"),
                        row(SESSION, "A A A A A N N N N N N"),
                        row(GOAL, "A A A A A N N N N N N"),
                        row(MINE, "A A A A A A F F F F A"),
                        row(REPORTS, "A A A A A A A A A F A"),
                        row(LOAD, "A F A A F F F F F F N"),
                        row(SUGGEST, "A A F F A F F F F F N"),
                        row(PROPOSE, "A A F F A F F F F F N"),
                        row(ACCEPT, "F F F A N N N N N N N"),
                        row(DECLINE, "F F F A N N N N N N N"),
                        row(COMPLETE, "A A A A A N N N N N N"),
                        row(END, "A A A A A N N N N N N"),
                        row(CAPACITY, "A F A A F F F F F F N"),
                        row(ADD_GOAL, "F F F A A N N N N N N"),
                        row(GOAL_STATUS, "F F F A A N N N N N N"),
                        row(LOG_SESSION, "F F F A A N N N N N N"),
                        row(NOTE, "F F F A A N N N N N N"),
                        row(ACTION, "F F F A A N N N N N N"))
                .flatMap(Function.identity());
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("matrix")
    void enforcesTheAuthorizationPolicy(Operation<Targets> operation, Caller caller, Outcome expected) {
        boolean read = READS.contains(operation);
        // A refused write changes nothing, so its targets serve the next case; an allowed write spends them.
        Targets targets = read ? shared : unspent != null ? unspent : targets(menteeManager, mentorManager);
        String token = switch (caller) {
            case MENTOR -> targets.mentorToken();
            case MENTEE -> targets.menteeToken();
            default -> (read ? readTokens : tokens).get(caller);
        };
        Outcome outcome = judge.judge(operation, caller, expected, graphQl(token), targets);
        unspent = read || outcome == Outcome.ALLOWED ? null : targets;
    }

    /**
     * What the matrix's operations could change, re-read as the admin (the private note, which only its author ever
     * reads, as the mentee who wrote it).
     */
    private Object state(Targets t) {
        Map<String, Object> state = new java.util.LinkedHashMap<>();
        state.putAll(graphQl(admin)
                .document("query($a: ID!, $p: ID!, $m: ID!) {"
                        + " active: node(id: $a) { ... on Mentorship { status version goals { id status version }"
                        + " sessions { id actions { id done } } } }"
                        + " proposal: node(id: $p) { ... on Mentorship { status version } }"
                        + " mentorLoad(personId: $m) { capacity activeMentees pendingProposals } }")
                .variable("a", t.active())
                .variable("p", t.proposal())
                .variable("m", t.mentor())
                .execute()
                .returnResponse()
                .getData());
        state.put(
                "note",
                graphQl(t.menteeToken())
                        .document("query($s: ID!) { node(id: $s) { ... on MentoringSession { privateNote } } }")
                        .variable("s", t.session())
                        .execute()
                        .returnResponse()
                        .getData());
        return state;
    }

    private Targets targets(String menteeBoss, String mentorBoss) {
        int n = sequence.incrementAndGet();
        String mentorSubject = "mentor-" + n;
        String menteeSubject = "mentee-" + n;
        String mentor = person(mentorSubject, mentorBoss);
        String mentee = person(menteeSubject, menteeBoss);
        String otherMentee = person("other-mentee-" + n, menteeBoss);
        String candidate = person("candidate-" + n, mentorBoss);
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
                outsiders,
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

    private static Operation<Targets> step(
            String mutation, int version, Function<Targets, String> target, String status) {
        return op(mutation, STEP.formatted(mutation, version), t -> Map.of("id", target.apply(t)))
                .returning(mutation + ".mentorship.id", target)
                .expecting(answer -> {
                    answer.has(mutation + ".mentorship.status", status);
                    answer.has(mutation + ".mentorship.version", version + 1);
                });
    }

    private static Stream<Arguments> row(Operation<Targets> operation, String outcomes) {
        return RoleMatrix.row(operation, Caller.values(), outcomes);
    }

    private static Operation<Targets> op(
            String name, String document, Function<Targets, Map<String, Object>> variables) {
        return RoleMatrix.op(name, document, variables);
    }
}
