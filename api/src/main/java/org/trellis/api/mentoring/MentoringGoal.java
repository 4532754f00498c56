package org.trellis.api.mentoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A goal of a pairing, linked to one of the mentee's competencies, as the schema's {@code MentoringGoal}. */
public record MentoringGoal(
        UUID id,
        UUID mentorshipId,
        UUID competencyId,
        String title,
        String description,
        @Nullable LocalDate targetDate,
        Status status,
        @Nullable UUID evidenceId,
        int version,
        Instant createdAt) {

    /** Where the goal stands. */
    public enum Status {
        OPEN,
        ACHIEVED,
        DROPPED
    }
}
