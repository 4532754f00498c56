package org.trellis.api.live;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.trellis.api.evidence.Evidence;
import org.trellis.api.outbox.OutboxEvent;
import org.trellis.api.people.Person;
import org.trellis.graphql.GlobalId;

/** The subscription payloads, made from an outbox event (ids and states) and the object as the subscriber sees it. */
final class LiveEvents {

    private LiveEvents() {}

    /** Schema type {@code EvidenceChanged}. */
    record EvidenceChanged(
            String eventId,
            Instant occurredAt,
            String evidenceId,
            String change,
            String status,
            @Nullable String previousStatus,
            int version,
            Evidence evidence) {

        static EvidenceChanged of(OutboxEvent event, Evidence evidence) {
            return new EvidenceChanged(
                    event.id().toString(),
                    event.occurredAt(),
                    GlobalId.encode("Evidence", event.subjectId()),
                    event.data().getOrDefault("change", "UPDATED"),
                    statusOf(event),
                    event.data().get("previousStatus"),
                    Integer.parseInt(event.data().getOrDefault("version", "0")),
                    evidence);
        }
    }

    /** Schema type {@code ReadinessChanged}. */
    record ReadinessChanged(
            String eventId,
            Instant occurredAt,
            String personId,
            String verdict,
            int score,
            boolean readyToday,
            @Nullable String previousVerdict,
            @Nullable Integer previousScore,
            Person person) {

        static ReadinessChanged of(OutboxEvent event, Person person) {
            String previousScore = event.data().get("previousScore");
            return new ReadinessChanged(
                    event.id().toString(),
                    event.occurredAt(),
                    GlobalId.encode("Person", event.subjectId()),
                    event.data().get("verdict"),
                    Integer.parseInt(event.data().getOrDefault("score", "0")),
                    Boolean.parseBoolean(event.data().get("ready")),
                    event.data().get("previousVerdict"),
                    previousScore == null ? null : Integer.valueOf(previousScore),
                    person);
        }
    }

    /** Schema type {@code ReviewQueueChanged}. */
    record ReviewQueueChanged(
            String eventId, Instant occurredAt, String evidenceId, String change, String status, Evidence evidence) {

        static ReviewQueueChanged of(OutboxEvent event, Evidence evidence) {
            return new ReviewQueueChanged(
                    event.id().toString(),
                    event.occurredAt(),
                    GlobalId.encode("Evidence", event.subjectId()),
                    entersQueue(event) ? "ADDED" : "REMOVED",
                    statusOf(event),
                    evidence);
        }
    }

    /** Whether an {@code evidence.changed} event moved the item into or out of review. */
    static boolean movesQueue(OutboxEvent event) {
        String before = event.data().get("previousStatus");
        String now = statusOf(event);
        return !now.equals(before) && (SUBMITTED.equals(now) || SUBMITTED.equals(before));
    }

    private static boolean entersQueue(OutboxEvent event) {
        return SUBMITTED.equals(statusOf(event));
    }

    private static String statusOf(OutboxEvent event) {
        return event.data().getOrDefault("status", "DRAFT");
    }

    private static final String SUBMITTED = Evidence.Status.SUBMITTED.name();
}
