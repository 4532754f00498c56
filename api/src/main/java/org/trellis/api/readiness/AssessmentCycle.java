package org.trellis.api.readiness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A period that groups assessments, as the schema's {@code AssessmentCycle}. */
record AssessmentCycle(UUID id, String name, LocalDate opensOn, LocalDate closesOn, Status status, Instant createdAt) {

    enum Status {
        OPEN,
        CLOSED
    }

    /** Whether assessments may be made in it on {@code day}. */
    boolean acceptsOn(LocalDate day) {
        return status == Status.OPEN && !day.isBefore(opensOn) && !day.isAfter(closesOn);
    }
}
