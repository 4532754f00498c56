package org.trellis.api.local;

import static org.trellis.persistence.jooq.Tables.EXTERNAL_ACCOUNT;
import static org.trellis.persistence.jooq.Tables.IDENTITY_PROVIDER;
import static org.trellis.persistence.jooq.Tables.PERSON;
import static org.trellis.persistence.jooq.Tables.TENANT;

import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.trellis.api.shared.CallerScope;

/**
 * Seeds, idempotently, a demo tenant signed in through the development issuer, with an admin, a manager and two
 * engineers, then prints tokens for them and how to use GraphiQL.
 */
@Component
@Profile("local")
class DemoData implements ApplicationRunner {

    static final UUID TENANT_ID = UUID.fromString("0000000d-e300-4000-8000-000000000001");
    static final UUID PROVIDER_ID = UUID.fromString("0000000d-e300-4000-8000-000000000002");
    static final UUID MANAGER_ID = UUID.nameUUIDFromBytes("demo-manager".getBytes());
    static final String AUDIENCE = "trellis-demo";
    static final List<DemoPerson> PEOPLE = List.of(
            new DemoPerson(
                    "demo-admin", "Ada Admin", "ada@demo.trellis.test", List.of("trellis-admins"), "TENANT_ADMIN"),
            new DemoPerson(
                    "demo-manager", "Max Manager", "max@demo.trellis.test", List.of("trellis-managers"), "MANAGER"),
            new DemoPerson("demo-engineer-1", "Erin Engineer", "erin@demo.trellis.test", List.of(), null),
            new DemoPerson("demo-engineer-2", "Sam Engineer", "sam@demo.trellis.test", List.of(), null));

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DSLContext db;
    private final TransactionTemplate transactions;
    private final DevTokenIssuer issuer;

    DemoData(DSLContext db, TransactionTemplate transactions, DevTokenIssuer issuer) {
        this.db = db;
        this.transactions = transactions;
        this.issuer = issuer;
    }

    @Override
    public void run(ApplicationArguments args) {
        CallerScope.inTenant(
                TENANT_ID,
                () -> transactions.execute(status -> {
                    seed();
                    return null;
                }));
        printInstructions();
    }

    private void seed() {
        db.insertInto(TENANT)
                .set(TENANT.ID, TENANT_ID)
                .set(TENANT.SLUG, "demo")
                .set(TENANT.NAME, "Demo Company")
                .onConflictDoNothing()
                .execute();
        db.insertInto(IDENTITY_PROVIDER)
                .set(IDENTITY_PROVIDER.TENANT_ID, TENANT_ID)
                .set(IDENTITY_PROVIDER.ID, PROVIDER_ID)
                .set(IDENTITY_PROVIDER.DISPLAY_NAME, "Development issuer")
                .set(IDENTITY_PROVIDER.ISSUER, issuer.issuer(DevTokenIssuer.TENANT_ISSUER))
                .set(IDENTITY_PROVIDER.AUDIENCE, AUDIENCE)
                .set(
                        IDENTITY_PROVIDER.ROLE_MAPPINGS,
                        JSONB.valueOf("[{\"claimValue\":\"trellis-admins\",\"role\":\"TENANT_ADMIN\"},"
                                + "{\"claimValue\":\"trellis-managers\",\"role\":\"MANAGER\"}]"))
                .onConflictDoNothing()
                .execute();
        for (DemoPerson person : PEOPLE) {
            String[] roles =
                    person.role() == null ? new String[] {"ENGINEER"} : new String[] {"ENGINEER", person.role()};
            UUID personId = UUID.nameUUIDFromBytes(person.subject().getBytes());
            db.insertInto(PERSON)
                    .set(PERSON.TENANT_ID, TENANT_ID)
                    .set(PERSON.ID, personId)
                    .set(PERSON.EMAIL, person.email())
                    .set(PERSON.DISPLAY_NAME, person.name())
                    .set(PERSON.ROLES, roles)
                    .set(PERSON.MANAGER_ID, person.reportsToManager() ? MANAGER_ID : null)
                    .onConflictDoNothing()
                    .execute();
            db.insertInto(EXTERNAL_ACCOUNT)
                    .set(EXTERNAL_ACCOUNT.TENANT_ID, TENANT_ID)
                    .set(EXTERNAL_ACCOUNT.ID, UUID.nameUUIDFromBytes(("account:" + person.subject()).getBytes()))
                    .set(EXTERNAL_ACCOUNT.PERSON_ID, personId)
                    .set(EXTERNAL_ACCOUNT.PROVIDER, "IDENTITY_PROVIDER")
                    .set(EXTERNAL_ACCOUNT.IDENTITY_PROVIDER_ID, PROVIDER_ID)
                    .set(EXTERNAL_ACCOUNT.ACCOUNT, person.subject())
                    .onConflictDoNothing()
                    .execute();
        }
    }

    private void printInstructions() {
        StringBuilder text = new StringBuilder("\n\n=== Trellis is running (local profile) ===\n")
                .append("GraphiQL: ")
                .append(issuer.issuer("").replace("/dev/issuers/", ""))
                .append("/graphiql\n")
                .append("In GraphiQL's Headers tab, paste {\"Authorization\": \"Bearer <token>\"} with one of these")
                .append(" tokens (valid 12 hours; fresh ones: curl ")
                .append(issuer.issuer("").replace("/dev/issuers/", ""))
                .append("/dev/tokens):\n");
        for (DemoPerson person : PEOPLE) {
            text.append("\n")
                    .append(person.name())
                    .append(" (")
                    .append(person.subject())
                    .append("):\n")
                    .append(issuer.personToken(person))
                    .append('\n');
        }
        text.append("\nPlatform operator:\n")
                .append(issuer.platformToken())
                .append('\n')
                .append("\nTry: curl -s http://127.0.0.1:8080/graphql -H 'Content-Type: application/json'")
                .append(
                        " -H \"Authorization: Bearer $TOKEN\" -d '{\"query\":\"{ me { kind roles person { displayName } tenant { name } } }\"}'\n");
        log.info("{}", text);
    }

    record DemoPerson(
            String subject,
            String name,
            String email,
            List<String> groups,
            @Nullable String role) {

        /** The engineers report to the demo manager (who is seeded before them). */
        boolean reportsToManager() {
            return role == null;
        }
    }
}
