package org.trellis.api.frameworks;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One version of a framework, as the schema's {@code FrameworkVersion}. */
public record FrameworkVersion(
        UUID id,
        UUID frameworkId,
        int number,
        Status status,
        @Nullable String guidance,
        Instant createdAt,
        @Nullable Instant publishedAt,
        @Nullable Instant retiredAt) {

    /** Drafts are editable; published versions are immutable; retired ones are kept for history. */
    public enum Status {
        DRAFT,
        PUBLISHED,
        RETIRED
    }
}
