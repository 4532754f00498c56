package org.trellis.api.readiness;

import java.time.LocalDate;
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
import org.trellis.api.support.RoleMatrix;
import org.trellis.api.support.RoleMatrix.Judge;
import org.trellis.api.support.RoleMatrix.Operation;
import org.trellis.api.support.RoleMatrix.Outcome;

/**
 * Readiness, dashboards, assessment cycles, assessments, readiness policies and the rollup rebuild as every kind of
 * caller (see {@link ReadinessMatrixOrganisation}). The manager also manages the team whose members are the owner and
 * the colleague. The owner has one endorsed piece of evidence, so the rebuild writes one cell. Reads and assessments
 * use one cycle open today; closing and reopening use fresh cycles dated in the past, so they never decide which
 * cycle an assessment lands in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadinessRoleMatrixIntegrationTest extends ReadinessMatrixOrganisation {

    enum Caller {
        ADMIN,
        MANAGER,
        SKIP_MANAGER,
        OWNER,
        COLLEAGUE,
        COMMITTEE,
        CLIENT_READ,
        CLIENT_WRITE,
        CLIENT_OTHER_SCOPE,
        PLATFORM,
        OTHER_TENANT_ADMIN
    }

    /**
     * The owner, the competency rated, the cycle open today, the team, a draft version, a fresh open and a fresh
     * closed cycle, and the callers' person ids by caller name.
     */
    record Targets(
            String owner,
            String competency,
            String cycle,
            String team,
            String draft,
            String open,
            String closed,
            Map<String, String> people) {

        String idOf(Enum<?> caller) {
            return caller == Caller.OWNER ? owner : people.get(caller.name());
        }

        String colleague() {
            return people.get("COLLEAGUE");
        }

        Targets withCycles(String open, String closed) {
            return new Targets(owner, competency, cycle, team, draft, open, closed, people);
        }
    }

    private static final Operation<Targets> EXPLAIN = op("readinessExplanation", t -> Map.of("person", t.owner()))
            .returning("readinessExplanation.person.id", Targets::owner)
            .expecting(answer -> {
                answer.has("readinessExplanation.readiness.level.code", "L4");
                answer.includes(
                        "readinessExplanation.readiness.competencies.competency.id",
                        answer.targets().competency());
                answer.nonEmpty("readinessExplanation.readiness.competencies.evidence.id");
            });
    /** Without a team: the teams the caller manages (the whole organisation for admins); readiness of reports only. */
    private static final Operation<Targets> MY_DASHBOARD = op("myDashboard", t -> Map.of())
            .expecting(answer -> {
                Targets t = answer.targets();
                switch ((Caller) answer.caller()) {
                    case ADMIN -> {
                        answer.includes("dashboard.people.id", t.owner(), t.colleague());
                        answer.has("dashboard.hiddenPeople", 0);
                    }
                    case MANAGER -> {
                        answer.exactly("dashboard.people.id", Set.of(t.owner()));
                        answer.has("dashboard.hiddenPeople", 1);
                    }
                    case OTHER_TENANT_ADMIN -> answer.excludes("dashboard.people.id", t.owner(), t.colleague());
                    default -> answer.exactly("dashboard.people.id", Set.of());
                }
            });
    /** The manager manages the team but only the owner reports to them: the colleague is counted, never shown. */
    private static final Operation<Targets> TEAM_DASHBOARD = op("dashboard", t -> Map.of("team", t.team()))
            .expecting(answer -> {
                Targets t = answer.targets();
                boolean admin = answer.caller() == Caller.ADMIN;
                answer.exactly("dashboard.people.id", admin ? Set.of(t.owner(), t.colleague()) : Set.of(t.owner()));
                answer.has("dashboard.hiddenPeople", admin ? 0 : 1);
                answer.includes("dashboard.heatmap.rows.person.id", t.owner());
            });

    private static final Operation<Targets> CYCLES = op("assessmentCycles", t -> Map.of())
            .expecting(answer -> {
                if (answer.caller() == Caller.OTHER_TENANT_ADMIN) {
                    answer.excludes("assessmentCycles.id", answer.targets().cycle());
                } else {
                    answer.includes("assessmentCycles.id", answer.targets().cycle());
                }
            });
    private static final Operation<Targets> CYCLE_NODE = op("assessmentCycleNode", t -> Map.of("id", t.cycle()))
            .returning("node.id", Targets::cycle)
            .expecting(answer -> answer.has("node.status", "OPEN"));
    private static final Operation<Targets> OPEN = op(
                    "openAssessmentCycle",
                    t -> Map.of("name", "Next year", "opensOn", "2099-01-01", "closesOn", "2099-02-01"))
            .expecting(answer -> {
                answer.present("openAssessmentCycle.cycle.id");
                answer.has("openAssessmentCycle.cycle.name", "Next year");
                answer.has("openAssessmentCycle.cycle.status", "OPEN");
            });
    private static final Operation<Targets> CLOSE = op("closeAssessmentCycle", t -> Map.of("id", t.open()))
            .returning("closeAssessmentCycle.cycle.id", Targets::open)
            .expecting(answer -> answer.has("closeAssessmentCycle.cycle.status", "CLOSED"));
    private static final Operation<Targets> REOPEN = op("reopenAssessmentCycle", t -> Map.of("id", t.closed()))
            .returning("reopenAssessmentCycle.cycle.id", Targets::closed)
            .expecting(answer -> answer.has("reopenAssessmentCycle.cycle.status", "OPEN"));
    private static final Operation<Targets> ASSESS_SELF = assess("SELF");
    private static final Operation<Targets> ASSESS_MANAGER = assess("MANAGER");
    private static final Operation<Targets> POLICY = op("setReadinessPolicy", t -> Map.of("version", t.draft()))
            .returning("setReadinessPolicy.frameworkVersion.id", Targets::draft)
            .expecting(answer -> {
                answer.has("setReadinessPolicy.frameworkVersion.status", "DRAFT");
                answer.has("setReadinessPolicy.frameworkVersion.readinessPolicy.minMetPercent", 90);
                answer.has("setReadinessPolicy.frameworkVersion.readinessPolicy.nearlyPercent", 70);
                answer.has("setReadinessPolicy.frameworkVersion.readinessPolicy.sustainMonths", 2);
            });
    /** The owner's one endorsed item is one cell; the other tenant has none. */
    private static final Operation<Targets> REBUILD = op("rebuildReadinessRollups", t -> Map.of())
            .expecting(answer ->
                    answer.has("rebuildReadinessRollups.cellsWritten", answer.caller() == Caller.ADMIN ? 1 : 0));

    private static final List<Operation<Targets>> READS =
            List.of(EXPLAIN, MY_DASHBOARD, TEAM_DASHBOARD, CYCLES, CYCLE_NODE);

    private final AtomicInteger sequence = new AtomicInteger();
    private Judge<Targets> judge;
    private Targets shared;
    private Targets unspent;

    @BeforeAll
    void setUp() {
        organisation("readiness-matrix");
        String owner = person("owner", people.get("MANAGER"));
        tokens.put("OWNER", tenant.token("owner"));
        endorsedEvidence(tokens.get("OWNER"), tokens.get("MANAGER"));
        String team = run(admin, "createTeam", Map.of("name", "Readiness matrix"), "createTeam.team.id");
        String colleague = people.get("COLLEAGUE");
        for (var member : Map.of(owner, "MEMBER", colleague, "MEMBER", people.get("MANAGER"), "MANAGER")
                .entrySet()) {
            run(
                    admin,
                    "addTeamMember",
                    Map.of("team", team, "person", member.getKey(), "role", member.getValue()),
                    "addTeamMember.team.id");
        }
        String draft = run(
                admin, "createFrameworkDraft", Map.of("version", version), "createFrameworkDraft.frameworkVersion.id");
        String cycle = cycle("Today", today().minusDays(1), today().plusDays(60));
        shared = new Targets(owner, competency, cycle, team, draft, null, null, Map.copyOf(people));
        judge = new Judge<>(this::state, () -> auditEventCount(tenant.uuid()));
    }

    //                                     ADMIN MGR SKIP OWNER COLL CMTE C_READ C_WRITE C_OTHER PLATFORM OTHER
    static Stream<Arguments> matrix() {
        return Stream.of(
                        row(EXPLAIN, "A A A A N N F F F F N"),
                        row(MY_DASHBOARD, "A A A A A A F F F F A"),
                        row(TEAM_DASHBOARD, "A A F F F F F F F F N"),
                        row(CYCLES, "A A A A A A F F F F A"),
                        row(CYCLE_NODE, "A A A A A A F F F F N"),
                        row(OPEN, "A F F F F F F F F F A"),
                        row(CLOSE, "A F F F F F F F F F N"),
                        row(REOPEN, "A F F F F F F F F F N"),
                        row(ASSESS_SELF, "F F F A F F F F F F N"),
                        row(ASSESS_MANAGER, "F A A F F F F F F F N"),
                        row(POLICY, "A F F F F F F F F F N"),
                        row(REBUILD, "A F F F F F F F F F A"))
                .flatMap(Function.identity());
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("matrix")
    void enforcesTheAuthorizationPolicy(Operation<Targets> operation, Caller caller, Outcome expected) {
        boolean read = READS.contains(operation);
        // A refused write changes nothing, so its targets serve the next case; an allowed write spends them.
        Targets targets = read ? shared : unspent != null ? unspent : fresh();
        Outcome outcome = judge.judge(operation, caller, expected, graphQl(tokenOf(caller)), targets);
        unspent = read || outcome == Outcome.ALLOWED ? null : targets;
    }

    /** What the matrix's operations could change, re-read as the admin: cycles, the draft's policy, assessments. */
    private Object state(Targets t) {
        return read("readinessState", Map.of("owner", t.owner(), "draft", t.draft()));
    }

    private Targets fresh() {
        int n = sequence.incrementAndGet();
        LocalDate past = LocalDate.of(2020, 1, 1).plusMonths(n);
        String closed = cycle("Closed " + n, past, past.plusDays(10));
        run(admin, "closeAssessmentCycle", Map.of("id", closed), "closeAssessmentCycle.cycle.id");
        return shared.withCycles(cycle("Open " + n, past, past.plusDays(10)), closed);
    }

    /** A rating in the cycle open today, of the owner's L4 competency, by the owner or their management chain. */
    private static Operation<Targets> assess(String kind) {
        return RoleMatrix.<Targets>op(
                        "assessCompetency(" + kind + ")",
                        document("assessCompetency"),
                        t -> Map.of("person", t.owner(), "competency", t.competency(), "kind", kind))
                .returning("assessCompetency.assessment.competency.id", Targets::competency)
                .returning("assessCompetency.assessment.cycle.id", Targets::cycle)
                .expecting(answer -> {
                    answer.has("assessCompetency.assessment.kind", kind);
                    answer.has("assessCompetency.assessment.rating", "MEETS");
                    answer.has(
                            "assessCompetency.assessment.assessedBy.id",
                            answer.targets().idOf(answer.caller()));
                });
    }

    private static Stream<Arguments> row(Operation<Targets> operation, String outcomes) {
        return RoleMatrix.row(operation, Caller.values(), outcomes);
    }

    private static Operation<Targets> op(String document, Function<Targets, Map<String, Object>> variables) {
        return RoleMatrix.op(document, document(document), variables);
    }
}
