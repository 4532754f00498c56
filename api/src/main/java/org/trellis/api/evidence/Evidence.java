package org.trellis.api.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One piece of evidence, as the schema's {@code Evidence}. */
public record Evidence(
        UUID id,
        UUID personId,
        String loggedBy,
        boolean loggedOnBehalf,
        Kind kind,
        String title,
        String description,
        LocalDate occurredOn,
        List<String> links,
        Impact impact,
        Source source,
        @Nullable String externalId,
        Status status,
        @Nullable String reviewComment,
        @Nullable UUID reviewedById,
        @Nullable Instant reviewedAt,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    /** What kind of work it records. */
    public enum Kind {
        CODE_REVIEW,
        INCIDENT_RESPONSE,
        DESIGN_DOC,
        MENTORING,
        DOCUMENTATION,
        RELEASE,
        KNOWLEDGE_SHARING,
        DELIVERY,
        OTHER
    }

    /** Where it stands in the review workflow. */
    public enum Status {
        DRAFT,
        SUBMITTED,
        CHANGES_REQUESTED,
        ENDORSED,
        REJECTED,
        WITHDRAWN
    }

    /** How far its impact reached. */
    public enum Impact {
        TEAM,
        DEPARTMENT,
        COMPANY
    }

    /** Where it came from. */
    public enum Source {
        MANUAL,
        GITHUB,
        PAGERDUTY,
        API_IMPORT,
        /** Recorded from mentoring: a held session, an achieved goal. */
        MENTORING
    }
}
