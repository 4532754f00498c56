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
import org.trellis.graphql.GlobalId;

/**
 * Evidence loaded by id for other modules (readiness, mentoring, promotion packets) decides whether each item's person
 * is below the caller in the same statement that reads the items: the person, their manager and the manager above see
 * them; a manager of another branch, a colleague and the person's own report do not.
 */
class BatchVisibilityIntegrationTest extends ReadinessTestBase {

    @Autowired
    private EvidenceService evidence;

    private final Map<String, UUID> people = new HashMap<>();
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

    private List<UUID> seenBy(String subject) {
        Actor actor = new Actor(
                ActorKind.PERSON,
                tenant.uuid(),
                people.get(subject),
                null,
                subject,
                Set.of(subject.startsWith("boss") ? Role.MANAGER : Role.ENGINEER),
                Set.of());
        return CallerScope.inTenant(tenant.uuid(), () -> evidence.getAll(actor, List.of(item))).stream()
                .map(Evidence::id)
                .toList();
    }

    private String add(String subject, String managerId, String level) {
        String id = person(subject, managerId, level);
        people.put(subject, GlobalId.decode(id, "Person").orElseThrow());
        return id;
    }
}
