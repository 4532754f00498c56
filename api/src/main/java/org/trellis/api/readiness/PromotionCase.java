package org.trellis.api.readiness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trellis.api.evidence.Evidence;
import org.trellis.api.readiness.ReadinessEngine.Status;
import org.trellis.api.readiness.ReadinessEngine.Verdict;

/** A nomination for promotion, as the schema's {@code PromotionCase}; {@code frozen} is readiness at nomination. */
record PromotionCase(
        UUID id,
        UUID personId,
        UUID levelId,
        CaseStatus status,
        UUID nominatedById,
        @Nullable String note,
        Frozen frozen,
        @Nullable String decisionReason,
        @Nullable UUID decidedById,
        @Nullable Instant decidedAt,
        int version,
        Instant createdAt) {

    enum CaseStatus {
        NOMINATED,
        IN_REVIEW,
        APPROVED,
        DEFERRED;

        boolean open() {
            return this == NOMINATED || this == IN_REVIEW;
        }
    }

    /** Readiness frozen at nomination, with the evidence as it stood then. */
    record Frozen(
            String personName,
            Verdict verdict,
            int score,
            String levelCode,
            String levelTitle,
            List<FrozenCompetency> competencies) {}

    record FrozenCompetency(
            String key, String name, Status status, List<String> unmet, List<FrozenEvidence> evidence) {}

    /** {@code id} is the evidence's global id. */
    record FrozenEvidence(String id, String title, Evidence.Kind kind, LocalDate occurredOn, List<String> links) {}
}
