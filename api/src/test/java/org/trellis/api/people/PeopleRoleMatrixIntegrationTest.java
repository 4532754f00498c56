package org.trellis.api.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/** Every people, team and audit operation as every kind of caller: who is allowed, who is refused, and how. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleRoleMatrixIntegrationTest extends IntegrationTest {

    enum Caller {
        ADMIN,
        MANAGER,
        ENGINEER,
        CLIENT_READ,
        CLIENT_WRITE,
        CLIENT_OTHER_SCOPE,
        PLATFORM,
        OTHER_TENANT_ADMIN
    }

    /** Fresh objects per case: a person and two teams of the tenant. */
    record Targets(String person, String team, String otherTeam, String account, String scimCredential) {}

    private static final Operation<Targets> PERSON =
            op("person", "query($id: ID!) { person(id: $id) { displayName } }", t -> Map.of("id", t.person()));
    private static final Operation<Targets> PEOPLE =
            op("people", "{ people(first: 5) { edges { node { displayName } } } }", t -> Map.of());
    private static final Operation<Targets> TEAMS = op("teams", "{ teams { name } }", t -> Map.of());
    private static final Operation<Targets> TEAM =
            op("team", "query($id: ID!) { team(id: $id) { name } }", t -> Map.of("id", t.team()));
    private static final Operation<Targets> AUDIT =
            op("auditEvents", "{ auditEvents(first: 5) { edges { node { action } } } }", t -> Map.of());
    private static final Operation<Targets> CREATE_PERSON = op(
            "createPerson",
            "mutation { createPerson(input: {displayName: \"New\"}) { person { id } } }",
            t -> Map.of());
    private static final Operation<Targets> UPDATE_PERSON = op(
            "updatePerson",
            "mutation($id: ID!) { updatePerson(input: {id: $id, title: \"Staff\"}) { person { id } } }",
            t -> Map.of("id", t.person()));
    private static final Operation<Targets> SET_MANAGER = op(
            "setManager",
            "mutation($id: ID!) { setManager(input: {personId: $id, managerId: null}) { person { id } } }",
            t -> Map.of("id", t.person()));
    private static final Operation<Targets> DEACTIVATE = op(
            "deactivatePerson",
            "mutation($id: ID!) { deactivatePerson(input: {id: $id}) { person { id } } }",
            t -> Map.of("id", t.person()));
    private static final Operation<Targets> REACTIVATE = op(
            "reactivatePerson",
            "mutation($id: ID!) { reactivatePerson(input: {id: $id}) { person { id } } }",
            t -> Map.of("id", t.person()));
    private static final Operation<Targets> LINK = op(
            "linkExternalAccount",
            "mutation($id: ID!, $a: String!) { linkExternalAccount(input: {personId: $id, provider: PAGERDUTY,"
                    + " account: $a}) { externalAccount { id } } }",
            t -> Map.of(
                    "id", t.person(), "a", "P" + UUID.randomUUID().toString().substring(0, 6)));
    private static final Operation<Targets> CREATE_TEAM = op(
            "createTeam",
            "mutation($n: String!) { createTeam(input: {name: $n}) { team { id } } }",
            t -> Map.of("n", "Team " + UUID.randomUUID()));
    private static final Operation<Targets> UPDATE_TEAM = op(
            "updateTeam",
            "mutation($id: ID!, $p: ID) { updateTeam(input: {id: $id, parentId: $p}) { team { id } } }",
            t -> Map.of("id", t.team(), "p", t.otherTeam()));
    private static final Operation<Targets> DELETE_TEAM = op(
            "deleteTeam",
            "mutation($id: ID!) { deleteTeam(input: {id: $id}) { team { id } } }",
            t -> Map.of("id", t.team()));
    private static final Operation<Targets> ADD_MEMBER = op(
            "addTeamMember",
            "mutation($t: ID!, $p: ID!) { addTeamMember(input: {teamId: $t, personId: $p}) { team { id } } }",
            t -> Map.of("t", t.team(), "p", t.person()));
    private static final Operation<Targets> REMOVE_MEMBER = op(
            "removeTeamMember",
            "mutation($t: ID!, $p: ID!) { removeTeamMember(input: {teamId: $t, personId: $p}) { team { id } } }",
            t -> Map.of("t", t.team(), "p", t.person()));

    private static final Operation<Targets> NODE_PERSON =
            op("node(Person)", "query($id: ID!) { node(id: $id) { id } }", t -> Map.of("id", t.person()));
    private static final Operation<Targets> NODE_TEAM =
            op("node(Team)", "query($id: ID!) { node(id: $id) { id } }", t -> Map.of("id", t.team()));
    private static final Operation<Targets> UNLINK = op(
            "unlinkExternalAccount",
            "mutation($id: ID!) { unlinkExternalAccount(input: {id: $id}) { externalAccount { id } } }",
            t -> Map.of("id", t.account()));
    private static final Operation<Targets> SCIM_CREDENTIALS =
            op("scimCredentials", "{ scimCredentials { id } }", t -> Map.of());
    private static final Operation<Targets> CREATE_SCIM = op(
            "createScimCredential",
            "mutation { createScimCredential(input: {name: \"Matrix\"}) { secret } }",
            t -> Map.of());
    private static final Operation<Targets> ROTATE_SCIM = op(
            "rotateScimCredential",
            "mutation($id: ID!) { rotateScimCredential(input: {id: $id}) { secret } }",
            t -> Map.of("id", t.scimCredential()));
    private static final Operation<Targets> REVOKE_SCIM = op(
            "revokeScimCredential",
            "mutation($id: ID!) { revokeScimCredential(input: {id: $id}) { scimCredential { id } } }",
            t -> Map.of("id", t.scimCredential()));

    private TestTenant tenant;
    private TestTenant other;
    private Map<Caller, String> tokens;

    @BeforeAll
    void callers() {
        tenant = newTenant("people-matrix");
        other = newTenant("people-matrix-other");
        registerServiceClient(tenant.admin(), tenant.providerId(), "reader", List.of("people:read"));
        registerServiceClient(tenant.admin(), tenant.providerId(), "writer", List.of("people:write"));
        registerServiceClient(tenant.admin(), tenant.providerId(), "other-scope", List.of("evidence:read"));
        tokens = Map.of(
                Caller.ADMIN, tenant.admin(),
                Caller.MANAGER, tenant.manager(),
                Caller.ENGINEER, tenant.engineer(),
                Caller.CLIENT_READ, clientToken("reader", "people:read"),
                Caller.CLIENT_WRITE, clientToken("writer", "people:write"),
                Caller.CLIENT_OTHER_SCOPE, clientToken("other-scope", "evidence:read"),
                Caller.PLATFORM, platformToken(),
                Caller.OTHER_TENANT_ADMIN, other.admin());
    }

    //                                ADMIN MANAGER ENGINEER C_READ C_WRITE C_OTHER PLATFORM OTHER_ADMIN
    static Stream<Arguments> matrix() {
        return Stream.of(
                        row(PERSON, "A A A A F F F N"),
                        row(PEOPLE, "A A A A F F F A"),
                        row(TEAMS, "A A A A F F F A"),
                        row(TEAM, "A A A A F F F N"),
                        row(AUDIT, "A F F F F F F A"),
                        row(CREATE_PERSON, "A F F F A F F A"),
                        row(UPDATE_PERSON, "A F F F A F F N"),
                        row(SET_MANAGER, "A F F F A F F N"),
                        row(DEACTIVATE, "A F F F A F F N"),
                        row(REACTIVATE, "A F F F A F F N"),
                        row(LINK, "A F F F A F F N"),
                        row(CREATE_TEAM, "A F F F A F F A"),
                        row(UPDATE_TEAM, "A F F F A F F N"),
                        row(DELETE_TEAM, "A F F F A F F N"),
                        row(ADD_MEMBER, "A F F F A F F N"),
                        row(REMOVE_MEMBER, "A F F F A F F N"),
                        row(UNLINK, "A F F F A F F N"),
                        row(NODE_PERSON, "A A A A F F F N"),
                        row(NODE_TEAM, "A A A A F F F N"),
                        row(SCIM_CREDENTIALS, "A F F F F F F A"),
                        row(CREATE_SCIM, "A F F F F F F A"),
                        row(ROTATE_SCIM, "A F F F F F F N"),
                        row(REVOKE_SCIM, "A F F F F F F N"))
                .flatMap(Function.identity());
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("matrix")
    void enforcesTheAuthorizationPolicy(Operation<Targets> operation, Caller caller, Outcome expected) {
        assertThat(operation.run(graphQl(tokens.get(caller)), freshTargets()))
                .as(operation + " as " + caller)
                .isEqualTo(expected);
    }

    private Targets freshTargets() {
        String person = create(
                "mutation { createPerson(input: {displayName: \"Target\"}) { person { id } } }",
                "createPerson.person.id");
        String team =
                create("mutation($n: String!) { createTeam(input: {name: $n}) { team { id } } }", "createTeam.team.id");
        String otherTeam =
                create("mutation($n: String!) { createTeam(input: {name: $n}) { team { id } } }", "createTeam.team.id");
        String account = graphQl(tenant.admin())
                .document(
                        "mutation($p: ID!, $a: String!) { linkExternalAccount(input: {personId: $p, provider: PAGERDUTY,"
                                + " account: $a}) { externalAccount { id } } }")
                .variable("p", person)
                .variable("a", "P" + UUID.randomUUID().toString().substring(0, 8))
                .execute()
                .path("linkExternalAccount.externalAccount.id")
                .entity(String.class)
                .get();
        String credential = graphQl(tenant.admin())
                .document("mutation { createScimCredential(input: {name: \"Target\"}) { scimCredential { id } } }")
                .execute()
                .path("createScimCredential.scimCredential.id")
                .entity(String.class)
                .get();
        return new Targets(person, team, otherTeam, account, credential);
    }

    private String create(String document, String path) {
        return graphQl(tenant.admin())
                .document(document)
                .variable("n", "Target " + UUID.randomUUID())
                .execute()
                .path(path)
                .entity(String.class)
                .get();
    }

    private String clientToken(String subject, String scope) {
        return tenant.issuer().token(tenant.audience(), subject, claims -> claims.claim("scope", scope));
    }

    private static Stream<Arguments> row(Operation<Targets> operation, String outcomes) {
        return RoleMatrix.row(operation, Caller.values(), outcomes);
    }

    private static Operation<Targets> op(
            String name, String document, Function<Targets, Map<String, Object>> variables) {
        return RoleMatrix.op(name, document, variables);
    }
}
