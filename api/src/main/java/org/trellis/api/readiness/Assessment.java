package org.trellis.api.readiness;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trellis.api.readiness.ReadinessEngine.Rating;

/**
 * A rating of one competency for a person's target level, by the person (SELF) or their management chain (MANAGER),
 * within a cycle and pinned to the framework version and level it was made against; as the schema's
 * {@code Assessment}.
 */
record Assessment(
        UUID id,
        UUID cycleId,
        UUID personId,
        UUID competencyId,
        UUID versionId,
        UUID levelId,
        Kind kind,
        Rating rating,
        @Nullable String comment,
        UUID assessedById,
        Instant assessedAt) {

    enum Kind {
        SELF,
        MANAGER
    }
}
