package org.trellis.api.readiness;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    /**
     * Whether {@code readiness} has not moved since this snapshot: the same level, verdict, score, readiness today
     * and status of every competency (evidence counted since may differ: it alone is no move).
     */
    boolean sameAs(Readiness readiness) {
        Map<String, Status> statuses = new TreeMap<>();
        readiness.competencies().forEach(c -> statuses.put(c.key(), c.status()));
        Map<String, Status> then = new TreeMap<>();
        cells.forEach((key, cell) -> then.put(key, cell.status()));
        return levelId.equals(readiness.levelId())
                && verdict == readiness.verdict()
                && score == readiness.score()
                && ready == readiness.readyToday()
                && then.equals(statuses);
    }

    static Map<String, Cell> cellsOf(Readiness readiness) {
        Map<String, Cell> cells = new TreeMap<>();
        readiness.competencies().forEach(c -> cells.put(c.key(), new Cell(c.status(), c.evidenceIds())));
        return cells;
    }
}
