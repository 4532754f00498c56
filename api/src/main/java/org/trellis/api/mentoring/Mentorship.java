package org.trellis.api.mentoring;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A mentor-mentee pairing, as the schema's {@code Mentorship}. */
public record Mentorship(
        UUID id,
        UUID mentorId,
        UUID menteeId,
        Status status,
        UUID proposedById,
        @Nullable String note,
        Instant respondBy,
        @Nullable Instant respondedAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable String closingNote,
        int version,
        Instant createdAt) {

    /**
     * Proposed → accepted (active) or declined by the mentor, or lapsed at the deadline; active → completed (with
     * an outcome) or ended early (with a reason).
     */
    public enum Status {
        PROPOSED,
        ACTIVE,
        DECLINED,
        LAPSED,
        COMPLETED,
        ENDED
    }

    boolean involves(@Nullable UUID person) {
        return mentorId.equals(person) || menteeId.equals(person);
    }
}
