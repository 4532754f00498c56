package org.trellis.api.readiness;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trellis.api.readiness.ReadinessEngine.Status;
import org.trellis.api.readiness.ReadinessEngine.Verdict;

/**
 * A person's readiness for their target level, as the schema's {@code Readiness}.
 *
 * @param levelId the level judged (the target)
 * @param currentLevelId the level the person holds
 * @param readyToday whether readiness holds today, before the policy's sustain period
 * @param validUntil the first day on which time alone changes it: counted evidence leaving its window, evidence dated
 *     in the future entering it, or the sustain period ending (null: only a write can)
 */
record Readiness(
        UUID personId,
        UUID versionId,
        UUID levelId,
        UUID currentLevelId,
        Verdict verdict,
        int score,
        boolean readyToday,
        List<CompetencyReadiness> competencies,
        @Nullable LocalDate validUntil) {

    /** One competency, as the schema's {@code CompetencyReadiness}. */
    record CompetencyReadiness(
            UUID competencyId,
            String key,
            boolean required,
            Status status,
            List<UUID> evidenceIds,
            List<String> unmet,
            List<String> missingKinds,
            @Nullable Assessment selfAssessment,
            @Nullable Assessment managerAssessment,
            @Nullable LocalDate changesOn) {}
}
