package org.trellis.api.evidence;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Evidence fields as a caller gives them; {@link EvidenceDrafts} validates them into an {@link EvidenceInput}. */
record EvidenceDraft(
        @Nullable List<UUID> competencyIds,
        Evidence.@Nullable Kind kind,
        @Nullable String title,
        @Nullable String description,
        @Nullable LocalDate occurredOn,
        @Nullable List<String> links,
        Evidence.@Nullable Impact impact) {}
