package org.trellis.api.privacy;

import java.util.EnumMap;
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
import org.trellis.api.support.RoleMatrix.Judge;
import org.trellis.api.support.RoleMatrix.Operation;
import org.trellis.api.support.RoleMatrix.Outcome;

/** Every privacy operation as every kind of caller: tenant admins only, within their own tenant. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivacyRoleMatrixIntegrationTest extends IntegrationTest {

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

    /** A fresh person of the matrix's tenant, with a distinctive name. */
    record Targets(String person, String name) {}

    private static final Operation<Targets> RETENTION = op(
                    "retentionPolicy", "{ retentionPolicy { evidenceDays auditDays } }", t -> Map.of())
            .expecting(answer -> answer.present("retentionPolicy"));
    private static final Operation<Targets> SET_RETENTION = op(
                    "setRetentionPolicy",
                    "mutation { setRetentionPolicy(input: {evidenceDays: 3650, auditDays: null}) { retentionPolicy"
                            + " { evidenceDays auditDays } userErrors { code } } }",
                    t -> Map.of())
            .expecting(answer -> answer.has("setRetentionPolicy.retentionPolicy.evidenceDays", 3650));
    private static final Operation<Targets> EXPORT = op(
                    "exportPersonalData",
                    "mutation($p: ID!) { exportPersonalData(input: {personId: $p}) { export { json markdown truncated }"
                            + " userErrors { code } } }",
                    t -> Map.of("p", t.person()))
            .expecting(answer -> {
                answer.present("exportPersonalData.export.markdown");
                org.assertj.core.api.Assertions.assertThat((String) answer.value("exportPersonalData.export.json"))
                        .contains(answer.targets().name());
            });
    private static final Operation<Targets> ERASE = op(
                    "erasePerson",
                    "mutation($p: ID!) { erasePerson(input: {personId: $p, confirmPersonId: $p}) { personId erasedAt"
                            + " userErrors { code } } }",
                    t -> Map.of("p", t.person()))
            .returning("erasePerson.personId", Targets::person)
            .expecting(answer -> {
                answer.present("erasePerson.erasedAt");
                answer.afterwards().has("person.displayName", "Erased person");
            });

    private Map<Caller, String> tokens;
    private TestTenant tenant;
    private String admin;
    private Judge<Targets> judge;

    @BeforeAll
    void organisation() {
        tenant = newTenant("privacy-matrix");
        admin = tenant.admin();
        List<String> clients = matrixClients(tenant, "pv");
        tokens = new EnumMap<>(Map.of(
                Caller.ADMIN, admin,
                Caller.MANAGER, tenant.token("boss", "managers"),
                Caller.OWNER, tenant.token("owner"),
                Caller.COLLEAGUE, tenant.engineer(),
                Caller.CLIENT_READ, clients.get(0),
                Caller.CLIENT_WRITE, clients.get(1),
                Caller.CLIENT_OTHER_SCOPE, clients.get(2),
                Caller.PLATFORM, platformToken(),
                Caller.OTHER_TENANT_ADMIN, newTenant("privacy-matrix-other").admin()));
        signIn(tokens.values());
        judge = new Judge<>(this::state, () -> auditEventCount(tenant.uuid()));
    }

    //                            ADMIN MANAGER OWNER COLLEAGUE C_READ C_WRITE C_OTHER PLATFORM OTHER_ADMIN
    static Stream<Arguments> matrix() {
        return Stream.of(
                        row(RETENTION, "A F F F F F F F A"),
                        row(SET_RETENTION, "A F F F F F F F A"),
                        row(EXPORT, "A F F F F F F F N"),
                        row(ERASE, "A F F F F F F F N"))
                .flatMap(Function.identity());
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("matrix")
    void enforcesTheAuthorizationPolicy(Operation<Targets> operation, Caller caller, Outcome expected) {
        judge.judge(operation, caller, expected, graphQl(tokens.get(caller)), freshTargets());
    }

    /** What the operations could change, re-read as the admin. */
    private Object state(Targets t) {
        return graphQl(admin)
                .document("query($p: ID!) { person(id: $p) { displayName email status }"
                        + " retentionPolicy { evidenceDays auditDays } }")
                .variable("p", t.person())
                .execute()
                .returnResponse()
                .getData();
    }

    private Targets freshTargets() {
        String name = "Matrix Person " + UUID.randomUUID().toString().substring(0, 8);
        String person = graphQl(admin)
                .document("mutation($n: String!) { createPerson(input: {displayName: $n, email: \"m@example.com\"})"
                        + " { person { id } } }")
                .variable("n", name)
                .execute()
                .path("createPerson.person.id")
                .entity(String.class)
                .get();
        return new Targets(person, name);
    }

    private static Stream<Arguments> row(Operation<Targets> operation, String outcomes) {
        return RoleMatrix.row(operation, Caller.values(), outcomes);
    }

    private static Operation<Targets> op(
            String name, String document, Function<Targets, Map<String, Object>> variables) {
        return RoleMatrix.op(name, document, variables);
    }
}
