package org.trellis.api.webhooks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.trellis.api.evidence.Evidence;
import tools.jackson.databind.JsonNode;

/**
 * What PagerDuty v3 deliveries show. Every incident event names people who took part: the event's {@code agent},
 * the incident's {@code assignees}, and a responder event's {@code user}. They are remembered per incident, and when
 * the incident is resolved each of them gets incident-response evidence.
 */
final class PagerDutyEvents {

    static final Set<String> INCIDENT_RESPONSE = Set.of("incident-response");

    private PagerDutyEvents() {}

    /** One incident event, or null when the delivery is not one. */
    static @Nullable IncidentEvent parse(JsonNode body) {
        JsonNode event = body.path("event");
        String id = GitHubEvents.text(event, "id");
        String type = GitHubEvents.text(event, "event_type");
        if (id == null || type == null || !"incident".equals(GitHubEvents.text(event, "resource_type"))) {
            return null;
        }
        JsonNode data = event.path("data");
        JsonNode incident = "incident".equals(GitHubEvents.text(data, "type")) ? data : data.path("incident");
        String incidentId = GitHubEvents.text(incident, "id");
        if (incidentId == null || incidentId.length() > 100) {
            return null;
        }
        Map<String, Account> people = new LinkedHashMap<>();
        addUser(people, event.path("agent"));
        data.path("assignees").forEach(assignee -> addUser(people, assignee));
        addUser(people, data.path("user"));
        String title = GitHubEvents.text(incident, "title");
        return new IncidentEvent(
                id,
                type,
                incidentId,
                incident.path("number").asLong(0),
                title != null ? title : String.valueOf(GitHubEvents.text(incident, "summary")),
                GitHubEvents.text(incident, "html_url"),
                GitHubEvents.date(GitHubEvents.text(event, "occurred_at")),
                new ArrayList<>(people.values()));
    }

    private static void addUser(Map<String, Account> people, JsonNode reference) {
        String id = GitHubEvents.text(reference, "id");
        if (id != null && id.length() <= 100 && "user_reference".equals(GitHubEvents.text(reference, "type"))) {
            String name = GitHubEvents.text(reference, "summary");
            people.putIfAbsent(
                    id, new Account(id, name == null || name.length() <= 200 ? name : name.substring(0, 200)));
        }
    }

    /** An incident event and the people it names. */
    record IncidentEvent(
            String id,
            String type,
            String incidentId,
            long number,
            String title,
            @Nullable String link,
            LocalDate occurredOn,
            List<Account> people) {

        boolean resolved() {
            return "incident.resolved".equals(type);
        }

        /** Incident-response evidence for one person who took part. */
        Observation responseBy(Account account) {
            String name = number > 0 ? "incident #" + number + ": " + title : "incident: " + title;
            return new Observation(
                    account,
                    Evidence.Kind.INCIDENT_RESPONSE,
                    INCIDENT_RESPONSE,
                    "Responded to " + name,
                    "Took part in the response to PagerDuty " + name
                            + (link == null ? "" : " ([incident](" + link + "))") + ", resolved on " + occurredOn
                            + ".",
                    occurredOn,
                    link,
                    "pagerduty:incident:" + incidentId + ":" + account.id(),
                    false);
        }
    }
}
