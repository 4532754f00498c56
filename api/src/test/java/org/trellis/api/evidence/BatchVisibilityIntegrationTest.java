package org.trellis.api.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.trellis.api.readiness.ReadinessTestBase;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorKind;
import org.trellis.api.shared.CallerScope;
import org.trellis.api.shared.Role;
import org.trellis.api.shared.Scopes;
import org.trellis.graphql.GlobalId;

/**
 * Evidence loaded by id for other modules (readiness, mentoring, promotion packets) decides whether each item's person
 * is below the caller in the same statement that reads the items: the person, their manager and the manager above see
 * them, as do tenant admins and service clients with {@code evidence:read}; a manager of another branch, a colleague,
 * the person's own report and a client without that scope do not; her mentor does once the pairing is active.
 */
class BatchVisibilityIntegrationTest extends ReadinessTestBase {

    @Autowired
    private EvidenceService evidence;

    private final Map<String, UUID> people = new HashMap<>();
    private final Map<String, String> globals = new HashMap<>();
    private UUID item;

    @BeforeEach
    void eveReportsToLeadWhoReportsToBoss() {
        organisation("batch-visibility");
        String boss = add("boss", null, "L5");
        String lead = add("bossy-lead", boss, "L4");
        String eve = add("eve", lead, "L3");
        add("boss-of-other", boss, "L4");
        add("eve-colleague", null, "L3");
        add("eve-report", eve, "L3");
        add("mentor-mo", null, "L5");
        item = GlobalId.decode(log(token("eve"), "backend-services", "CODE_REVIEW", LocalDate.now()), "Evidence")
                .orElseThrow();
    }

    @Test
    void thePersonAndEveryManagerAboveSeeTheItem() {
        for (String viewer : List.of("eve", "bossy-lead", "boss")) {
            assertThat(seenBy(viewer)).as(viewer).containsExactly(item);
        }
    }

    @Test
    void aManagerOfAnotherBranchAColleagueAndTheirOwnReportDoNot() {
        for (String viewer : List.of("boss-of-other", "eve-colleague", "eve-report")) {
            assertThat(seenBy(viewer)).as(viewer).isEmpty();
        }
    }

    @Test
    void herActiveMentorSeesTheItemAndAProposedOneDoesNot() {
        String pairing = graphQl(token("bossy-lead"))
                .document(
                        "mutation($i: ProposeMentorshipInput!) { proposeMentorship(input: $i) { mentorship { id } } }")
                .variable(
                        "i",
                        Map.of(
                                "mentorId", global("mentor-mo"),
                                "menteeId", global("eve"),
                                "focusCompetencyIds", List.of(competencyIds.get("backend-services"))))
                .execute()
                .path("proposeMentorship.mentorship.id")
                .entity(String.class)
                .get();
        assertThat(seenBy("mentor-mo")).as("proposed").isEmpty();

        graphQl(token("mentor-mo"))
                .document("mutation($id: ID!) { acceptMentorship(input: {id: $id, expectedVersion: 1}) { mentorship {"
                        + " status } } }")
                .variable("id", pairing)
                .execute()
                .path("acceptMentorship.mentorship.status")
                .entity(String.class)
                .isEqualTo("ACTIVE");
        assertThat(seenBy("mentor-mo")).as("active").containsExactly(item);
    }

    @Test
    void aTenantAdminAndAClientWithEvidenceReadSeeItAndAClientWithoutItDoesNot() {
        Actor admin = new Actor(
                ActorKind.PERSON,
                tenant.uuid(),
                people.get("eve-colleague"),
                null,
                "admin",
                Set.of(Role.TENANT_ADMIN),
                Set.of());
        assertThat(seenBy(admin)).containsExactly(item);
        assertThat(seenBy(client(Scopes.EVIDENCE_READ))).containsExactly(item);
        assertThat(seenBy(client(Scopes.PEOPLE_READ))).isEmpty();
    }

    private Actor client(String scope) {
        return new Actor(
                ActorKind.SERVICE_CLIENT, tenant.uuid(), null, UUID.randomUUID(), "client", Set.of(), Set.of(scope));
    }

    private List<UUID> seenBy(String subject) {
        return seenBy(new Actor(
                ActorKind.PERSON,
                tenant.uuid(),
                people.get(subject),
                null,
                subject,
                Set.of(subject.startsWith("boss") ? Role.MANAGER : Role.ENGINEER),
                Set.of()));
    }

    private List<UUID> seenBy(Actor actor) {
        return CallerScope.inTenant(tenant.uuid(), () -> evidence.getAll(actor, List.of(item))).stream()
                .map(Evidence::id)
                .toList();
    }

    private String add(String subject, String managerId, String level) {
        String id = person(subject, managerId, level);
        people.put(subject, GlobalId.decode(id, "Person").orElseThrow());
        globals.put(subject, id);
        return id;
    }

    private String global(String subject) {
        return globals.get(subject);
    }
}
