package org.trellis.api.readiness;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.trellis.api.shared.CallerScope;
import org.trellis.api.support.IntegrationTest;

/**
 * A tenant on the senior-role framework (levels L3, L4, L5; 14 competencies) and helpers to put people on it, log
 * and endorse evidence through the API, and read readiness back.
 */
public abstract class ReadinessTestBase extends IntegrationTest {

    @Autowired
    private TransactionTemplate transactions;

    protected TestTenant tenant;
    protected String admin;
    protected String version;
    protected final Map<String, String> competencyIds = new HashMap<>();

    protected void organisation(String label) {
        tenant = newTenant(label);
        admin = tenant.admin();
        version = seniorRoleTemplate(admin);
        competencyIds.clear();
        competencyIds.putAll(competencies(admin, version));
    }

    /** Runs {@code work} in a transaction scoped to the tenant, as a request's would be. */
    protected <T> T inTenant(Supplier<T> work) {
        return CallerScope.inTenant(tenant.uuid(), () -> transactions.execute(status -> work.get()));
    }

    protected String token(String subject) {
        return subject.startsWith("boss") ? tenant.token(subject, "managers") : tenant.token(subject);
    }

    /** A person (signed in once) assigned the framework at a level, reporting to {@code managerId} if given. */
    private int teams;

    protected String person(String subject, String managerId, String level) {
        String id = personOf(token(subject));
        graphQl(admin)
                .document("mutation($p: ID!, $v: ID!, $l: String!) { assignFramework(input: {personId: $p,"
                        + " versionId: $v, currentLevel: $l}) { userErrors { message } } }")
                .variable("p", id)
                .variable("v", version)
                .variable("l", level)
                .execute()
                .path("assignFramework.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        if (managerId != null) {
            graphQl(admin)
                    .document("mutation($p: ID!, $m: ID) { setManager(input: {personId: $p, managerId: $m})"
                            + " { person { id } } }")
                    .variable("p", id)
                    .variable("m", managerId)
                    .execute()
                    .path("setManager.person.id")
                    .hasValue();
        }
        return id;
    }

    /** A team (Core, Core 2, …) with its manager and members; its id. */
    protected String team(String manager, String... members) {
        teams++;
        String team = graphQl(admin)
                .document("mutation($n: String!) { createTeam(input: {name: $n}) { team { id } } }")
                .variable("n", teams == 1 ? "Core" : "Core " + teams)
                .execute()
                .path("createTeam.team.id")
                .entity(String.class)
                .get();
        addMember(team, manager, "MANAGER");
        for (String member : members) {
            addMember(team, member, "MEMBER");
        }
        return team;
    }

    private void addMember(String team, String person, String role) {
        graphQl(admin)
                .document("mutation($t: ID!, $p: ID!, $r: TeamRole) { addTeamMember(input: {teamId: $t,"
                        + " personId: $p, role: $r}) { team { id } } }")
                .variable("t", team)
                .variable("p", person)
                .variable("r", role)
                .execute()
                .path("addTeamMember.team.id")
                .hasValue();
    }

    /** Logs, submits and has the reviewer endorse one item on a competency; its id. */
    protected String endorse(String authorToken, String reviewerToken, String key, String kind, LocalDate on) {
        String item = log(authorToken, key, kind, on);
        submit(authorToken, item);
        endorseSubmitted(reviewerToken, item);
        return item;
    }

    /** The reviewer endorses an item submitted for review (version 2). */
    protected void endorseSubmitted(String reviewerToken, String item) {
        graphQl(reviewerToken)
                .document("mutation($id: ID!) { endorseEvidence(input: {id: $id, expectedVersion: 2}) { evidence {"
                        + " status } } }")
                .variable("id", item)
                .execute()
                .path("endorseEvidence.evidence.status")
                .entity(String.class)
                .isEqualTo("ENDORSED");
    }

    /** Logs one item on a competency (a draft, version 1); its id. */
    protected String log(String authorToken, String key, String kind, LocalDate on) {
        return graphQl(authorToken)
                .document("mutation($c: ID!, $k: EvidenceKind!, $d: Date!) { logEvidence(input: {competencyIds:"
                        + " [$c], kind: $k, title: \"Work\", occurredOn: $d, links: [\"https://example.com/pr/1\"]})"
                        + " { evidence { id } } }")
                .variable("c", competencyIds.get(key))
                .variable("k", kind)
                .variable("d", on.toString())
                .execute()
                .path("logEvidence.evidence.id")
                .entity(String.class)
                .get();
    }

    /** Submits a freshly logged item for review (version 1 → 2). */
    protected void submit(String authorToken, String item) {
        graphQl(authorToken)
                .document(
                        "mutation($id: ID!) { submitEvidence(input: {id: $id, expectedVersion: 1}) { evidence { id } } }")
                .variable("id", item)
                .execute()
                .path("submitEvidence.evidence.id")
                .hasValue();
    }

    /** The readiness of a person's competency as {@code token} sees it: status, unmet and counted evidence ids. */
    @SuppressWarnings("unchecked")
    protected Map<String, Object> competency(String token, String personId, String key) {
        List<Map<String, Object>> competencies = graphQl(token)
                .document("query($id: ID!) { person(id: $id) { readiness { competencies { competency { key } status"
                        + " unmet evidence { id } changesOn } } } }")
                .variable("id", personId)
                .execute()
                .path("person.readiness.competencies")
                .entityList(Map.class)
                .get()
                .stream()
                .map(m -> (Map<String, Object>) m)
                .toList();
        return competencies.stream()
                .filter(c -> key.equals(((Map<String, Object>) c.get("competency")).get("key")))
                .findFirst()
                .orElseThrow();
    }

    protected String openCycle() {
        return graphQl(admin)
                .document("mutation($o: Date!, $c: Date!) { openAssessmentCycle(input: {name: \"H2\", opensOn: $o,"
                        + " closesOn: $c}) { cycle { id status } userErrors { message } } }")
                .variable("o", LocalDate.now().minusDays(1).toString())
                .variable("c", LocalDate.now().plusDays(30).toString())
                .execute()
                .path("openAssessmentCycle.cycle.id")
                .entity(String.class)
                .get();
    }
}
