package org.trellis.api.people;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
 * Every people, team, audit and SCIM-credential operation as every kind of caller, against a fresh signed-in person
 * (the owner) who reports to the manager; the colleague is unrelated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleRoleMatrixIntegrationTest extends IntegrationTest {

    enum Caller {
        ADMIN,
        MANAGER,
        OWNER,
        COLLEAGUE,
        CLIENT_READ,
        CLIENT_WRITE,
        CLIENT_OTHER_SCOPE,
        PLATFORM,
        OTHER_TENANT_ADMIN
    }

    /** Who sees a person's detail fields (email): the person, their managers, admins and clients with people:read. */
    private static final Set<Caller> SEES_DETAIL =
            Set.of(Caller.ADMIN, Caller.MANAGER, Caller.OWNER, Caller.CLIENT_READ);

    /**
     * Fresh objects per case: the owner (signed in, reporting to the manager, a member of the other team, with a
     * linked account), two teams, a SCIM credential, and names and accounts no one uses yet.
     */
    record Targets(
            String person,
            String ownerToken,
            String name,
            String email,
            String team,
            String otherTeam,
            String account,
            String scimCredential,
            String providerId,
            String unused) {}

    private static final Operation<Targets> PERSON = op(
                    "person", "query($id: ID!) { person(id: $id) { id email } }", t -> Map.of("id", t.person()))
            .returning("person.id", Targets::person)
            .expecting(answer -> answer.has(
                    "person.email",
                    SEES_DETAIL.contains(answer.caller()) ? answer.targets().email() : null));
    /** A search by display name finds exactly the owner in their tenant, and nobody in another. */
    private static final Operation<Targets> PEOPLE = op(
                    "people",
                    "query($s: String!) { people(first: 100, filter: {search: $s}) { edges { node { id } } } }",
                    t -> Map.of("s", t.name()))
            .expecting(answer -> answer.exactly(
                    "people.edges.node.id",
                    answer.caller() == Caller.OTHER_TENANT_ADMIN
                            ? Set.of()
                            : Set.of(answer.targets().person())));
    /** A search by email finds the owner only for callers who may see the email (#10 item 6). */
    private static final Operation<Targets> PEOPLE_BY_EMAIL = op(
                    "people(search: email)",
                    "query($s: String!) { people(first: 100, filter: {search: $s}) { edges { node { id } } } }",
                    t -> Map.of("s", t.email()))
            .expecting(answer -> answer.exactly(
                    "people.edges.node.id",
                    answer.caller() != Caller.OTHER_TENANT_ADMIN && SEES_DETAIL.contains(answer.caller())
                            ? Set.of(answer.targets().person())
                            : Set.of()));

    private static final Operation<Targets> TEAMS = op("teams", "{ teams { id } }", t -> Map.of())
            .expecting(answer -> {
                String[] fresh = {answer.targets().team(), answer.targets().otherTeam()};
                if (answer.caller() == Caller.OTHER_TENANT_ADMIN) {
                    answer.excludes("teams.id", fresh);
                } else {
                    answer.includes("teams.id", fresh);
                }
            });
    private static final Operation<Targets> TEAM = op(
                    "team", "query($id: ID!) { team(id: $id) { id } }", t -> Map.of("id", t.team()))
            .returning("team.id", Targets::team);
    /** The admin's newest event is the fixture's last change; another tenant's admin sees none of this tenant's. */
    private static final Operation<Targets> AUDIT = op(
                    "auditEvents", "{ auditEvents(first: 20) { edges { node { action } } } }", t -> Map.of())
            .expecting(answer -> {
                if (answer.caller() == Caller.OTHER_TENANT_ADMIN) {
                    answer.excludes("auditEvents.edges.node.action", "scim-credential.created", "team.created");
                } else {
                    answer.includes("auditEvents.edges.node.action", "scim-credential.created", "team.created");
                }
            });

    private static final Operation<Targets> CREATE_PERSON = op(
                    "createPerson",
                    "mutation { createPerson(input: {displayName: \"New\"}) { person { id displayName }"
                            + " userErrors { code } } }",
                    t -> Map.of())
            .expecting(answer -> answer.has("createPerson.person.displayName", "New"));
    private static final Operation<Targets> UPDATE_PERSON = op(
                    "updatePerson",
                    "mutation($id: ID!) { updatePerson(input: {id: $id, title: \"Staff\"}) { person { id title }"
                            + " userErrors { code } } }",
                    t -> Map.of("id", t.person()))
            .returning("updatePerson.person.id", Targets::person)
            .expecting(answer -> answer.has("updatePerson.person.title", "Staff"));
    // Granting roles needs a tenant-admin person (#10 item 7).
    private static final Operation<Targets> GRANT_ROLE = op(
                    "updatePerson(roles)",
                    "mutation($id: ID!) { updatePerson(input: {id: $id, roles: [MANAGER]}) { person { id roles }"
                            + " userErrors { code } } }",
                    t -> Map.of("id", t.person()))
            .returning("updatePerson.person.id", Targets::person)
            .expecting(answer -> answer.afterwards().includes("person.roles", "MANAGER"));
    private static final Operation<Targets> SET_MANAGER = op(
                    "setManager",
                    "mutation($id: ID!) { setManager(input: {personId: $id, managerId: null}) { person { id manager"
                            + " { id } } userErrors { code } } }",
                    t -> Map.of("id", t.person()))
            .returning("setManager.person.id", Targets::person)
            .expecting(answer -> answer.afterwards().has("person.manager", null));
    private static final Operation<Targets> DEACTIVATE = op(
                    "deactivatePerson",
                    "mutation($id: ID!) { deactivatePerson(input: {id: $id}) { person { id status }"
                            + " userErrors { code } } }",
                    t -> Map.of("id", t.person()))
            .returning("deactivatePerson.person.id", Targets::person)
            .expecting(answer -> {
                answer.has("deactivatePerson.person.status", "DEACTIVATED");
                answer.afterwards().has("person.status", "DEACTIVATED");
            });
    private static final Operation<Targets> REACTIVATE = op(
                    "reactivatePerson",
                    "mutation($id: ID!) { reactivatePerson(input: {id: $id}) { person { id status }"
                            + " userErrors { code } } }",
                    t -> Map.of("id", t.person()))
            .returning("reactivatePerson.person.id", Targets::person)
            .expecting(answer -> answer.has("reactivatePerson.person.status", "ACTIVE"));
    private static final Operation<Targets> LINK = op(
                    "linkExternalAccount",
                    "mutation($id: ID!, $a: String!) { linkExternalAccount(input: {personId: $id, provider: PAGERDUTY,"
                            + " account: $a}) { externalAccount { id provider account } userErrors { code } } }",
                    t -> Map.of("id", t.person(), "a", t.unused()))
            .returning("linkExternalAccount.externalAccount.account", Targets::unused)
            .expecting(answer -> {
                answer.has("linkExternalAccount.externalAccount.provider", "PAGERDUTY");
                answer.afterwards()
                        .includes(
                                "person.externalAccounts.account",
                                answer.targets().unused());
            });
    // Linking identity-provider accounts needs a tenant-admin person (#10 item 7).
    private static final Operation<Targets> LINK_SIGN_IN = op(
                    "linkExternalAccount(IDENTITY_PROVIDER)",
                    "mutation($id: ID!, $p: ID!, $a: String!) { linkExternalAccount(input: {personId: $id, provider:"
                            + " IDENTITY_PROVIDER, identityProviderId: $p, account: $a}) { externalAccount { id"
                            + " identityProviderId account } userErrors { code } } }",
                    t -> Map.of("id", t.person(), "p", t.providerId(), "a", t.unused()))
            .returning("linkExternalAccount.externalAccount.account", Targets::unused)
            .returning("linkExternalAccount.externalAccount.identityProviderId", Targets::providerId);
    private static final Operation<Targets> UNLINK = op(
                    "unlinkExternalAccount",
                    "mutation($id: ID!) { unlinkExternalAccount(input: {id: $id}) { externalAccount { id }"
                            + " userErrors { code } } }",
                    t -> Map.of("id", t.account()))
            .returning("unlinkExternalAccount.externalAccount.id", Targets::account)
            .expecting(answer -> answer.afterwards()
                    .excludes("person.externalAccounts.id", answer.targets().account()));
    private static final Operation<Targets> CREATE_TEAM = op(
                    "createTeam",
                    "mutation($n: String!) { createTeam(input: {name: $n}) { team { id name } userErrors { code } } }",
                    t -> Map.of("n", t.unused()))
            .returning("createTeam.team.name", Targets::unused);
    private static final Operation<Targets> UPDATE_TEAM = op(
                    "updateTeam",
                    "mutation($id: ID!, $p: ID) { updateTeam(input: {id: $id, parentId: $p}) { team { id }"
                            + " userErrors { code } } }",
                    t -> Map.of("id", t.team(), "p", t.otherTeam()))
            .returning("updateTeam.team.id", Targets::team)
            .expecting(answer ->
                    answer.afterwards().has("team.parent.id", answer.targets().otherTeam()));
    private static final Operation<Targets> DELETE_TEAM = op(
                    "deleteTeam",
                    "mutation($id: ID!) { deleteTeam(input: {id: $id}) { team { id } userErrors { code } } }",
                    t -> Map.of("id", t.team()))
            .returning("deleteTeam.team.id", Targets::team)
            .expecting(answer -> answer.afterwards().has("team", null));
    private static final Operation<Targets> ADD_MEMBER = op(
                    "addTeamMember",
                    "mutation($t: ID!, $p: ID!) { addTeamMember(input: {teamId: $t, personId: $p}) { team { id }"
                            + " userErrors { code } } }",
                    t -> Map.of("t", t.team(), "p", t.person()))
            .returning("addTeamMember.team.id", Targets::team)
            .expecting(answer -> answer.afterwards()
                    .includes("team.members.id", answer.targets().person()));
    private static final Operation<Targets> REMOVE_MEMBER = op(
                    "removeTeamMember",
                    "mutation($t: ID!, $p: ID!) { removeTeamMember(input: {teamId: $t, personId: $p}) { team { id }"
                            + " userErrors { code } } }",
                    t -> Map.of("t", t.otherTeam(), "p", t.person()))
            .returning("removeTeamMember.team.id", Targets::otherTeam)
            .expecting(answer -> answer.afterwards()
                    .excludes("other.members.id", answer.targets().person()));
    private static final Operation<Targets> NODE_PERSON = op(
                    "node(Person)", "query($id: ID!) { node(id: $id) { id } }", t -> Map.of("id", t.person()))
            .returning("node.id", Targets::person);
    private static final Operation<Targets> NODE_TEAM = op(
                    "node(Team)", "query($id: ID!) { node(id: $id) { id } }", t -> Map.of("id", t.team()))
            .returning("node.id", Targets::team);
    private static final Operation<Targets> NODES = op(
                    "nodes",
                    "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
                    t -> Map.of("ids", List.of(t.person(), t.team())))
            .expecting(answer -> answer.includes(
                    "nodes.id", answer.targets().person(), answer.targets().team()));
    private static final Operation<Targets> SCIM_CREDENTIALS = op(
                    "scimCredentials", "{ scimCredentials { id } }", t -> Map.of())
            .expecting(answer -> {
                if (answer.caller() == Caller.OTHER_TENANT_ADMIN) {
                    answer.excludes("scimCredentials.id", answer.targets().scimCredential());
                } else {
                    answer.includes("scimCredentials.id", answer.targets().scimCredential());
                }
            });
    private static final Operation<Targets> CREATE_SCIM = op(
                    "createScimCredential",
                    "mutation { createScimCredential(input: {name: \"Matrix\"}) { secret scimCredential { id name }"
                            + " userErrors { code } } }",
                    t -> Map.of())
            .expecting(answer -> {
                answer.present("createScimCredential.secret");
                answer.has("createScimCredential.scimCredential.name", "Matrix");
            });
    private static final Operation<Targets> ROTATE_SCIM = op(
                    "rotateScimCredential",
                    "mutation($id: ID!) { rotateScimCredential(input: {id: $id}) { secret scimCredential { id revokedAt"
                            + " } userErrors { code } } }",
                    t -> Map.of("id", t.scimCredential()))
            .expecting(answer -> {
                answer.present("rotateScimCredential.secret");
                answer.excludes(
                        "rotateScimCredential.scimCredential.id",
                        answer.targets().scimCredential());
                answer.has("rotateScimCredential.scimCredential.revokedAt", null);
            });
    private static final Operation<Targets> REVOKE_SCIM = op(
                    "revokeScimCredential",
                    "mutation($id: ID!) { revokeScimCredential(input: {id: $id}) { scimCredential { id revokedAt }"
                            + " userErrors { code } } }",
                    t -> Map.of("id", t.scimCredential()))
            .returning("revokeScimCredential.scimCredential.id", Targets::scimCredential)
            .expecting(answer -> answer.present("revokeScimCredential.scimCredential.revokedAt"));

    private final AtomicInteger sequence = new AtomicInteger();
    private TestTenant tenant;
    private String managerId;
    private Map<Caller, String> tokens;
    private Judge<Targets> judge;

    @BeforeAll
    void callers() {
        tenant = newTenant("people-matrix");
        TestTenant other = newTenant("people-matrix-other");
        registerServiceClient(tenant.admin(), tenant.providerId(), "reader", List.of("people:read"));
        registerServiceClient(tenant.admin(), tenant.providerId(), "writer", List.of("people:write"));
        registerServiceClient(tenant.admin(), tenant.providerId(), "other-scope", List.of("evidence:read"));
        tokens = new EnumMap<>(Map.of(
                Caller.ADMIN, tenant.admin(),
                Caller.MANAGER, tenant.manager(),
                Caller.COLLEAGUE, tenant.engineer(),
                Caller.CLIENT_READ, tenant.clientToken("reader", "people:read"),
                Caller.CLIENT_WRITE, tenant.clientToken("writer", "people:write"),
                Caller.CLIENT_OTHER_SCOPE, tenant.clientToken("other-scope", "evidence:read"),
                Caller.PLATFORM, platformToken(),
                Caller.OTHER_TENANT_ADMIN, other.admin()));
        signIn(tokens.values());
        managerId = personOf(tenant.manager());
        judge = new Judge<>(this::state, () -> auditEventCount(tenant.uuid()));
    }

    //                                ADMIN MANAGER OWNER COLLEAGUE C_READ C_WRITE C_OTHER PLATFORM OTHER_ADMIN
    static Stream<Arguments> matrix() {
        return Stream.of(
                        row(PERSON, "A A A A A F F F N"),
                        row(PEOPLE, "A A A A A F F F A"),
                        row(PEOPLE_BY_EMAIL, "A A A A A F F F A"),
                        row(TEAMS, "A A A A A F F F A"),
                        row(TEAM, "A A A A A F F F N"),
                        row(AUDIT, "A F F F F F F F A"),
                        row(CREATE_PERSON, "A F F F F A F F A"),
                        row(UPDATE_PERSON, "A F F F F A F F N"),
                        row(GRANT_ROLE, "A F F F F F F F N"),
                        row(SET_MANAGER, "A F F F F A F F N"),
                        row(DEACTIVATE, "A F F F F A F F N"),
                        row(REACTIVATE, "A F F F F A F F N"),
                        row(LINK, "A F F F F A F F N"),
                        row(LINK_SIGN_IN, "A F F F F F F F N"),
                        row(UNLINK, "A F F F F A F F N"),
                        row(CREATE_TEAM, "A F F F F A F F A"),
                        row(UPDATE_TEAM, "A F F F F A F F N"),
                        row(DELETE_TEAM, "A F F F F A F F N"),
                        row(ADD_MEMBER, "A F F F F A F F N"),
                        row(REMOVE_MEMBER, "A F F F F A F F N"),
                        row(NODE_PERSON, "A A A A A F F F N"),
                        row(NODE_TEAM, "A A A A A F F F N"),
                        row(NODES, "A A A A A F F F N"),
                        row(SCIM_CREDENTIALS, "A F F F F F F F A"),
                        row(CREATE_SCIM, "A F F F F F F F A"),
                        row(ROTATE_SCIM, "A F F F F F F F N"),
                        row(REVOKE_SCIM, "A F F F F F F F N"))
                .flatMap(Function.identity());
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("matrix")
    void enforcesTheAuthorizationPolicy(Operation<Targets> operation, Caller caller, Outcome expected) {
        Targets targets = freshTargets();
        String token = caller == Caller.OWNER ? targets.ownerToken() : tokens.get(caller);
        judge.judge(operation, caller, expected, graphQl(token), targets);
    }

    /** What the matrix's operations could change, re-read as the admin. */
    private Object state(Targets t) {
        return graphQl(tenant.admin())
                .document("query($p: ID!, $t: ID!, $o: ID!) {"
                        + " person(id: $p) { displayName title status roles manager { id } teams { id }"
                        + " externalAccounts { id provider account } }"
                        + " team: team(id: $t) { name parent { id } members { id } }"
                        + " other: team(id: $o) { name parent { id } members { id } }"
                        + " scimCredentials { id revokedAt } }")
                .variable("p", t.person())
                .variable("t", t.team())
                .variable("o", t.otherTeam())
                .execute()
                .returnResponse()
                .getData();
    }

    private Targets freshTargets() {
        String subject = "target-" + sequence.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        String ownerToken = tenant.token(subject);
        String person = personOf(ownerToken);
        admin(
                "mutation($p: ID!, $m: ID) { setManager(input: {personId: $p, managerId: $m}) { person { id } } }",
                Map.of("p", person, "m", managerId),
                "setManager.person.id");
        String team = admin(
                "mutation($n: String!) { createTeam(input: {name: $n}) { team { id } } }",
                Map.of("n", "Team " + UUID.randomUUID()),
                "createTeam.team.id");
        String otherTeam = admin(
                "mutation($n: String!) { createTeam(input: {name: $n}) { team { id } } }",
                Map.of("n", "Team " + UUID.randomUUID()),
                "createTeam.team.id");
        admin(
                "mutation($t: ID!, $p: ID!) { addTeamMember(input: {teamId: $t, personId: $p}) { team { id } } }",
                Map.of("t", otherTeam, "p", person),
                "addTeamMember.team.id");
        String account = admin(
                "mutation($p: ID!, $a: String!) { linkExternalAccount(input: {personId: $p, provider: PAGERDUTY,"
                        + " account: $a}) { externalAccount { id } } }",
                Map.of("p", person, "a", "P" + UUID.randomUUID().toString().substring(0, 8)),
                "linkExternalAccount.externalAccount.id");
        String credential = admin(
                "mutation { createScimCredential(input: {name: \"Target\"}) { scimCredential { id } } }",
                Map.of(),
                "createScimCredential.scimCredential.id");
        return new Targets(
                person,
                ownerToken,
                subject,
                subject + "@example.com",
                team,
                otherTeam,
                account,
                credential,
                tenant.providerId(),
                "U" + UUID.randomUUID().toString().substring(0, 8));
    }

    private String admin(String document, Map<String, Object> variables, String path) {
        var request = graphQl(tenant.admin()).document(document);
        for (var variable : variables.entrySet()) {
            request = request.variable(variable.getKey(), variable.getValue());
        }
        return request.execute().path(path).entity(String.class).get();
    }

    private static Stream<Arguments> row(Operation<Targets> operation, String outcomes) {
        return RoleMatrix.row(operation, Caller.values(), outcomes);
    }

    private static Operation<Targets> op(
            String name, String document, Function<Targets, Map<String, Object>> variables) {
        return RoleMatrix.op(name, document, variables);
    }
}
