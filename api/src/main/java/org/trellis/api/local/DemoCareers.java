package org.trellis.api.local;

import static org.trellis.persistence.jooq.Tables.FRAMEWORK_ASSIGNMENT;
import static org.trellis.persistence.jooq.Tables.PROMOTION_CASE;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.trellis.api.local.DemoPeople.Career;
import org.trellis.api.local.DemoPeople.DemoPerson;
import org.trellis.api.shared.CallerScope;
import org.trellis.graphql.GlobalId;

/**
 * Through the API, as the admin and a manager would: assigns each demo engineer the framework at their level and
 * target (each assignment takes the person's first readiness snapshot, from the evidence already seeded), and
 * nominates the ready engineer for promotion, which freezes their readiness in the case. People who already have an
 * assignment, and a nominee who already has a case, are left as they are, so a restart changes nothing.
 */
@Component
@Profile("local")
class DemoCareers {

    static final String NOMINATION_NOTE =
            "Erin has met every Senior Engineer expectation for a year: the artifact cache, on-call leadership and two new"
                    + " joiners onboarded.";

    private final DSLContext db;
    private final TransactionTemplate transactions;
    private final DemoApi api;

    DemoCareers(DSLContext db, TransactionTemplate transactions, DemoApi api) {
        this.db = db;
        this.transactions = transactions;
        this.api = api;
    }

    void assign(DemoFramework.Version version) {
        Set<UUID> assigned = Set.copyOf(inTenant(() -> db.select(FRAMEWORK_ASSIGNMENT.PERSON_ID)
                .from(FRAMEWORK_ASSIGNMENT)
                .where(FRAMEWORK_ASSIGNMENT.ENDED_AT.isNull())
                .fetch(FRAMEWORK_ASSIGNMENT.PERSON_ID)));
        DemoPerson admin = DemoPeople.bySubject(DemoPeople.ADMIN);
        for (DemoPerson person : DemoPeople.engineers()) {
            if (assigned.contains(person.id())) {
                continue;
            }
            Career career = person.requireCareer();
            Map<String, Object> input = new HashMap<>();
            input.put("personId", GlobalId.encode("Person", person.id()));
            input.put("versionId", GlobalId.encode("FrameworkVersion", version.id()));
            input.put("currentLevel", career.level());
            input.put("targetLevel", career.target());
            api.mutate(
                    admin,
                    "assignFramework",
                    "mutation($input: AssignFrameworkInput!) { assignFramework(input: $input) {"
                            + " assignment { assignedAt } userErrors { message } } }",
                    Map.of("input", input));
        }
    }

    void nominate() {
        DemoPerson nominee = DemoPeople.bySubject(DemoPeople.NOMINEE);
        boolean hasCase = inTenant(() -> db.fetchExists(PROMOTION_CASE, PROMOTION_CASE.PERSON_ID.eq(nominee.id())));
        if (hasCase) {
            return;
        }
        api.mutate(
                DemoPeople.managerOf(nominee),
                "nominateForPromotion",
                "mutation($input: NominateInput!) { nominateForPromotion(input: $input) {"
                        + " promotionCase { id } userErrors { message } } }",
                Map.of("input", Map.of("personId", GlobalId.encode("Person", nominee.id()), "note", NOMINATION_NOTE)));
    }

    private <T> T inTenant(java.util.function.Supplier<T> work) {
        return CallerScope.inTenant(DemoData.TENANT_ID, () -> transactions.execute(status -> work.get()));
    }
}
