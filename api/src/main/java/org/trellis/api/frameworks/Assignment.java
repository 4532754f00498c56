package org.trellis.api.frameworks;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A person measured against a framework version at a level, as the schema's {@code FrameworkAssignment}. */
public record Assignment(
        UUID id,
        UUID personId,
        UUID versionId,
        UUID currentLevelId,
        @Nullable UUID targetLevelId,
        Instant assignedAt,
        String assignedBy,
        @Nullable Instant endedAt) {}
