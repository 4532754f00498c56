package org.trellis.api.local;

import static org.trellis.persistence.jooq.Tables.EXTERNAL_ACCOUNT;
import static org.trellis.persistence.jooq.Tables.IDENTITY_PROVIDER;
import static org.trellis.persistence.jooq.Tables.PERSON;
import static org.trellis.persistence.jooq.Tables.TEAM;
import static org.trellis.persistence.jooq.Tables.TEAM_MEMBER;
import static org.trellis.persistence.jooq.Tables.TENANT;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.trellis.api.local.DemoPeople.DemoPerson;
import org.trellis.api.local.DemoPeople.DemoTeam;
import org.trellis.api.shared.CallerScope;

/**
 * Seeds, idempotently, a demo tenant signed in through the development issuer (an admin, three teams with their
 * managers and eleven engineers, {@link DemoPeople}) and a year of its life on the senior-role framework: evidence,
 * an open assessment cycle, mentorships, readiness snapshots and a promotion case; then prints tokens and how to use
 * GraphiQL. Rows have fixed ids and are inserted only when missing; what the application computes (the framework,
 * assignments with their snapshots, the nomination) goes through the API and is skipped when already done.
 */
@Component
@Profile("local")
class DemoData implements ApplicationRunner {

    static final UUID TENANT_ID = UUID.fromString("0000000d-e300-4000-8000-000000000001");
    static final UUID PROVIDER_ID = UUID.fromString("0000000d-e300-4000-8000-000000000002");
    static final String AUDIENCE = "trellis-demo";
    /** The people whose tokens the start-up log prints (everyone's: {@code /dev/tokens}). */
    static final List<String> PRINTED =
            List.of(DemoPeople.ADMIN, DemoPeople.MANAGER, DemoPeople.NOMINEE, DemoPeople.MENTEE);

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DSLContext db;
    private final TransactionTemplate transactions;
    private final DevTokenIssuer issuer;
    private final DemoFramework framework;
    private final DemoEvidence evidence;
    private final DemoAssessments assessments;
    private final DemoMentoring mentoring;
    private final DemoCareers careers;

    DemoData(
            DSLContext db,
            TransactionTemplate transactions,
            DevTokenIssuer issuer,
            DemoFramework framework,
            DemoEvidence evidence,
            DemoAssessments assessments,
            DemoMentoring mentoring,
            DemoCareers careers) {
        this.db = db;
        this.transactions = transactions;
        this.issuer = issuer;
        this.framework = framework;
        this.evidence = evidence;
        this.assessments = assessments;
        this.mentoring = mentoring;
        this.careers = careers;
    }

    @Override
    public void run(ApplicationArguments args) {
        inTenant(this::seedOrganisation);
        framework
                .ensure()
                .ifPresentOrElse(
                        this::seedCareers,
                        () -> log.warn(
                                "Demo data: the tenant has a framework named {} without a published version; no readiness demo",
                                DemoFramework.TEMPLATE_NAME));
        printInstructions();
    }

    /** Evidence, assessments and mentoring first, so the assignments' snapshots and the nomination see them. */
    private void seedCareers(DemoFramework.Version version) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        inTenant(() -> {
            evidence.seed(version, today);
            assessments.seed(version, today);
            mentoring.seed(version, today);
        });
        careers.assign(version);
        careers.nominate();
    }

    private void inTenant(Runnable work) {
        CallerScope.inTenant(
                TENANT_ID,
                () -> transactions.execute(status -> {
                    work.run();
                    return null;
                }));
    }

    private void seedOrganisation() {
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
        for (DemoPerson person : DemoPeople.ALL) {
            String[] roles =
                    person.role() == null ? new String[] {"ENGINEER"} : new String[] {"ENGINEER", person.role()};
            DemoPerson manager = DemoPeople.managerOf(person);
            db.insertInto(PERSON)
                    .set(PERSON.TENANT_ID, TENANT_ID)
                    .set(PERSON.ID, person.id())
                    .set(PERSON.EMAIL, person.email())
                    .set(PERSON.DISPLAY_NAME, person.name())
                    .set(PERSON.TITLE, person.title())
                    .set(PERSON.ROLES, roles)
                    .set(PERSON.MANAGER_ID, manager == null ? null : manager.id())
                    .onConflictDoNothing()
                    .execute();
            db.insertInto(EXTERNAL_ACCOUNT)
                    .set(EXTERNAL_ACCOUNT.TENANT_ID, TENANT_ID)
                    .set(EXTERNAL_ACCOUNT.ID, DemoPeople.id("account:" + person.subject()))
                    .set(EXTERNAL_ACCOUNT.PERSON_ID, person.id())
                    .set(EXTERNAL_ACCOUNT.PROVIDER, "IDENTITY_PROVIDER")
                    .set(EXTERNAL_ACCOUNT.IDENTITY_PROVIDER_ID, PROVIDER_ID)
                    .set(EXTERNAL_ACCOUNT.ACCOUNT, person.subject())
                    .onConflictDoNothing()
                    .execute();
        }
        for (DemoTeam team : DemoPeople.TEAMS) {
            db.insertInto(TEAM)
                    .set(TEAM.TENANT_ID, TENANT_ID)
                    .set(TEAM.ID, team.id())
                    .set(TEAM.NAME, team.name())
                    .onConflictDoNothing()
                    .execute();
            member(team, team.managerSubject(), "MANAGER");
        }
        DemoPeople.engineers().forEach(person -> member(DemoPeople.team(person.team()), person.subject(), "MEMBER"));
    }

    private void member(DemoTeam team, String subject, String role) {
        db.insertInto(TEAM_MEMBER)
                .set(TEAM_MEMBER.TENANT_ID, TENANT_ID)
                .set(TEAM_MEMBER.TEAM_ID, team.id())
                .set(TEAM_MEMBER.PERSON_ID, DemoPeople.id(subject))
                .set(TEAM_MEMBER.ROLE, role)
                .onConflictDoNothing()
                .execute();
    }

    private void printInstructions() {
        StringBuilder text = new StringBuilder("\n\n=== Trellis is running (local profile) ===\n")
                .append("GraphiQL: ")
                .append(issuer.issuer("").replace("/dev/issuers/", ""))
                .append("/graphiql\n")
                .append("In GraphiQL's Headers tab, paste {\"Authorization\": \"Bearer <token>\"} with one of these")
                .append(" tokens (valid 12 hours; fresh ones, and one for each of the 15 demo people: curl ")
                .append(issuer.issuer("").replace("/dev/issuers/", ""))
                .append("/dev/tokens):\n");
        for (String subject : PRINTED) {
            DemoPerson person = DemoPeople.bySubject(subject);
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
}
