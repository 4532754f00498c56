package org.trellis.api.readiness;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.trellis.api.readiness.ReadinessEngine.Status;
import org.trellis.api.readiness.ReadinessEngine.Verdict;

/** Readiness as it was at one moment, as the schema's {@code ReadinessSnapshot}; cells by competency key. */
record Snapshot(
        UUID personId,
        UUID levelId,
        Verdict verdict,
        int score,
        boolean ready,
        Map<String, Cell> cells,
        Instant takenAt) {

    /** One competency's status and the evidence that counted. */
    record Cell(Status status, List<UUID> evidence) {}

    /** Whether this snapshot says the same as {@code readiness}. */
    boolean sameAs(Readiness readiness) {
        return levelId.equals(readiness.levelId())
                && verdict == readiness.verdict()
                && score == readiness.score()
                && ready == readiness.readyToday()
                && cells.equals(cellsOf(readiness));
    }

    static Map<String, Cell> cellsOf(Readiness readiness) {
        Map<String, Cell> cells = new java.util.TreeMap<>();
        readiness.competencies().forEach(c -> cells.put(c.key(), new Cell(c.status(), c.evidenceIds())));
        return cells;
    }
}
