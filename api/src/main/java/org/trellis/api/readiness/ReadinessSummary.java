package org.trellis.api.readiness;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trellis.api.readiness.ReadinessEngine.Status;
import org.trellis.api.readiness.ReadinessEngine.Verdict;

/**
 * A person's readiness packed for dashboards: the verdict, the score, and one status per competency key, without the
 * evidence and wording an explanation carries. Stored one row per person ({@code readiness_summary}).
 *
 * @param statuses one letter per key, in the same order ({@link #letter})
 * @param validUntil the first day on which time alone would change it (null: only a write can)
 * @param revision the stored row's revision (-1: no row), so that a read stores a fresh decision only over the row it
 *     read
 */
record ReadinessSummary(
        UUID personId,
        UUID versionId,
        UUID levelId,
        Verdict verdict,
        int score,
        List<String> keys,
        String statuses,
        @Nullable LocalDate validUntil,
        long revision) {

    static final long NO_ROW = -1;

    static ReadinessSummary of(Readiness readiness, long revision) {
        StringBuilder statuses = new StringBuilder(readiness.competencies().size());
        readiness.competencies().forEach(c -> statuses.append(letter(c.status())));
        return new ReadinessSummary(
                readiness.personId(),
                readiness.versionId(),
                readiness.levelId(),
                readiness.verdict(),
                readiness.score(),
                readiness.competencies().stream()
                        .map(Readiness.CompetencyReadiness::key)
                        .toList(),
                statuses.toString(),
                readiness.validUntil(),
                revision);
    }

    /** Whether it still holds on {@code today}. */
    boolean current(LocalDate today) {
        return validUntil == null || today.isBefore(validUntil);
    }

    /** The status of the competency with this key, null when the person's level has no such competency. */
    @Nullable
    Status status(String key) {
        int index = keys.indexOf(key);
        return index < 0 ? null : status(statuses.charAt(index));
    }

    static char letter(Status status) {
        return switch (status) {
            case MET -> 'M';
            case PARTIAL -> 'P';
            case GAP -> 'G';
            case NOT_ASSESSED -> 'N';
        };
    }

    static Status status(char letter) {
        return switch (letter) {
            case 'M' -> Status.MET;
            case 'P' -> Status.PARTIAL;
            case 'G' -> Status.GAP;
            case 'N' -> Status.NOT_ASSESSED;
            default -> throw new IllegalStateException("Unknown readiness status letter " + letter);
        };
    }
}
