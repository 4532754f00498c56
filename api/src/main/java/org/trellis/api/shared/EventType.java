package org.trellis.api.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The domain events Trellis publishes to its outbox, by their wire names: the {@code type} of an outbound webhook's
 * payload and of a subscription's message.
 */
public enum EventType {
    /** A piece of evidence was endorsed by a reviewer. */
    EVIDENCE_ENDORSED("evidence.endorsed"),
    /** A piece of evidence was logged, edited, or moved through review (the review queue changes with it). */
    EVIDENCE_CHANGED("evidence.changed"),
    /** What readiness says about a person changed (verdict, score, level or a competency's status). */
    READINESS_CHANGED("readiness.changed"),
    /** A mentorship was proposed, accepted, declined, paused, resumed, ended or lapsed. */
    MENTORSHIP_STATE_CHANGED("mentorship.state_changed"),
    /** A promotion case was approved or declined. */
    PROMOTION_CASE_DECIDED("promotion_case.decided"),
    /** A person was created, by an admin, by SCIM or by signing in. */
    PERSON_PROVISIONED("person.provisioned"),
    /** A person was deactivated, by an admin or by SCIM. */
    PERSON_DEACTIVATED("person.deactivated"),
    /** An outbound webhook endpoint was disabled after its deliveries failed for too long. */
    WEBHOOK_ENDPOINT_DISABLED("webhook_endpoint.disabled");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> fromWireName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.wireName.equals(lower)).findFirst();
    }
}
