package org.trellis.api.mentoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A held session, as the schema's {@code MentoringSession} (private notes are looked up per reader). */
public record MentoringSession(
        UUID id,
        UUID mentorshipId,
        LocalDate heldOn,
        int durationMinutes,
        String sharedNotes,
        UUID loggedById,
        @Nullable UUID evidenceId,
        Instant createdAt) {}
