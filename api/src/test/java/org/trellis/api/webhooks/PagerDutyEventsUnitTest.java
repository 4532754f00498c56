package org.trellis.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trellis.api.evidence.Evidence;
import tools.jackson.databind.node.ObjectNode;

/** What the PagerDuty v3 example events (test fixtures) become: the incident and the people each names. */
class PagerDutyEventsUnitTest {

    private static final Account PIG = new Account("PJ0LVEB", "PIG 208");
    private static final Account HARSH = new Account("PXRUEF2", "Harsh Santwani");

    @Test
    void anAcknowledgementNamesItsAgentAndAssigneesOnceAndIsNotYetResolved() {
        PagerDutyEvents.IncidentEvent event = PagerDutyEvents.parse(fixture("incident_acknowledged_v3"));

        assertThat(event).isNotNull();
        assertThat(event.id()).isEqualTo("01BZYK8N47N5JG55J1EEEHPEJI");
        assertThat(event.type()).isEqualTo("incident.acknowledged");
        assertThat(event.incidentId()).isEqualTo("PQ1K5C8");
        assertThat(event.number()).isEqualTo(10);
        assertThat(event.title()).isEqualTo("Test Incident");
        assertThat(event.link()).isEqualTo("https://pig208.pagerduty.com/incidents/PQ1K5C8");
        assertThat(event.occurredOn()).isEqualTo(LocalDate.of(2021, 6, 4));
        // The agent is also the assignee: named once.
        assertThat(event.people()).containsExactly(PIG);
        assertThat(event.resolved()).isFalse();
    }

    @Test
    void aResolutionGivesEachPersonIncidentResponseEvidence() {
        PagerDutyEvents.IncidentEvent event = PagerDutyEvents.parse(fixture("incident_resolved_v3"));

        assertThat(event).isNotNull();
        assertThat(event.resolved()).isTrue();
        assertThat(event.people()).containsExactly(PIG);
        Observation response = event.responseBy(PIG);
        assertThat(response.account()).isEqualTo(PIG);
        assertThat(response.kind()).isEqualTo(Evidence.Kind.INCIDENT_RESPONSE);
        assertThat(response.competencyKeys()).containsExactly("incident-response");
        assertThat(response.title()).isEqualTo("Responded to incident #6: Test Incident");
        assertThat(response.description())
                .isEqualTo("Took part in the response to PagerDuty incident #6: Test Incident"
                        + " ([incident](https://pig208.pagerduty.com/incidents/PCPZE64)), resolved on 2021-06-04.");
        assertThat(response.occurredOn()).isEqualTo(LocalDate.of(2021, 6, 4));
        assertThat(response.link()).isEqualTo("https://pig208.pagerduty.com/incidents/PCPZE64");
        assertThat(response.externalId()).isEqualTo("pagerduty:incident:PCPZE64:PJ0LVEB");
        assertThat(response.optional()).isFalse();
    }

    @Test
    void aResponderEventNamesTheResponderOfTheReferencedIncident() {
        PagerDutyEvents.IncidentEvent event = PagerDutyEvents.parse(fixture("incident_responder_added_v3"));

        assertThat(event).isNotNull();
        assertThat(event.type()).isEqualTo("incident.responder.added");
        // The data is the responder; the incident is a reference inside it, titled by its summary, without a number.
        assertThat(event.incidentId()).isEqualTo("Q3B15VLMF3ASBD");
        assertThat(event.number()).isZero();
        assertThat(event.title()).isEqualTo("Critical: Checkout API High Latency");
        assertThat(event.people()).containsExactly(HARSH);
        assertThat(event.resolved()).isFalse();
        assertThat(event.responseBy(HARSH).title())
                .isEqualTo("Responded to incident: Critical: Checkout API High Latency");
    }

    @Test
    void onlyUserReferencesArePeople() {
        ObjectNode body = fixture("incident_acknowledged_v3");
        ObjectNode data = (ObjectNode) body.path("event").path("data");
        ObjectNode team = data.putArray("assignees").addObject();
        team.put("id", "PTEAM01");
        team.put("type", "team_reference");
        ((ObjectNode) body.path("event")).remove("agent");

        PagerDutyEvents.IncidentEvent event = PagerDutyEvents.parse(body);

        assertThat(event).isNotNull();
        assertThat(event.people()).isEmpty();
    }

    @Test
    void whatIsNotAnIncidentEventIsNone() {
        ObjectNode service = fixture("incident_resolved_v3");
        ((ObjectNode) service.path("event")).put("resource_type", "service");
        assertThat(PagerDutyEvents.parse(service)).isNull();

        ObjectNode withoutId = fixture("incident_resolved_v3");
        ((ObjectNode) withoutId.path("event")).remove("id");
        assertThat(PagerDutyEvents.parse(withoutId)).isNull();

        ObjectNode withoutIncident = fixture("incident_resolved_v3");
        ((ObjectNode) withoutIncident.path("event").path("data")).remove("id");
        assertThat(PagerDutyEvents.parse(withoutIncident)).isNull();

        assertThat(PagerDutyEvents.parse(
                        GitHubEventsUnitTest.read("/fixtures/github/pull_request_closed.payload.json")))
                .isNull();
    }

    @Test
    void everyPersonGetsTheirOwnExternalId() {
        PagerDutyEvents.IncidentEvent event = PagerDutyEvents.parse(fixture("incident_resolved_v3"));
        assertThat(event).isNotNull();
        assertThat(List.of(
                        event.responseBy(PIG).externalId(),
                        event.responseBy(HARSH).externalId()))
                .containsExactly("pagerduty:incident:PCPZE64:PJ0LVEB", "pagerduty:incident:PCPZE64:PXRUEF2");
    }

    private static ObjectNode fixture(String name) {
        return (ObjectNode) GitHubEventsUnitTest.read("/fixtures/pagerduty/" + name + ".json");
    }
}
