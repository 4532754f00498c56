package org.trellis.api.evidence;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.frameworks.AssignmentService;
import org.trellis.api.frameworks.Competency;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ForbiddenException;
import org.trellis.api.shared.Validation;

/**
 * Evidence captured from the systems engineers work in (GitHub, PagerDuty): attributed to a person, linked to the
 * competencies of their framework version whose keys the capture names, idempotent by (source, external id), and
 * SUBMITTED so it lands in the managers' review queue. Text from outside is trimmed to the evidence limits rather
 * than refused: the work happened either way.
 */
@Service
public class EvidenceCapture {

    private static final int MAX_LINKS = 10;

    private final Evidences evidence;
    private final EvidenceCreation creation;
    private final AssignmentService assignments;

    EvidenceCapture(Evidences evidence, EvidenceCreation creation, AssignmentService assignments) {
        this.evidence = evidence;
        this.creation = creation;
        this.assignments = assignments;
    }

    /** Records the captured work for its person, unless it was captured before or they have no such competency. */
    @Transactional
    public Result capture(Actor actor, Captured item) {
        if (!EvidencePolicy.canLogFor(actor, item.personId(), EvidencePolicy.Relations.NONE)) {
            throw new ForbiddenException("Capturing evidence needs evidence:write.");
        }
        return record(actor, item);
    }

    /**
     * As {@link #capture}, for evidence that follows from something the caller was allowed to do in another module
     * (a held mentoring session is mentoring evidence for the mentor): that module has checked the permission. The
     * item is logged by its source (e.g. {@code mentoring}), not the caller, so the caller does not become its
     * author: a mentee who logs a session cannot edit or withdraw the mentor's evidence.
     */
    @Transactional
    public Result record(Actor actor, Captured item) {
        var existing = evidence.findByExternalId(item.source(), item.externalId());
        if (existing.isPresent()) {
            return new Result(Outcome.ALREADY_CAPTURED, existing.get());
        }
        List<UUID> competencies = assignments.currentCompetencyList(actor, item.personId()).stream()
                .filter(competency -> item.competencyKeys().contains(competency.key()))
                .map(Competency::id)
                .toList();
        if (competencies.isEmpty()) {
            return new Result(Outcome.NO_COMPETENCY, null);
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        EvidenceInput input = new EvidenceInput(
                competencies,
                item.kind(),
                clip(item.title(), 200),
                prose(item.description(), 20_000),
                item.occurredOn().isAfter(today) ? today : item.occurredOn(),
                item.links().stream()
                        .filter(EvidenceInput::isWebLink)
                        .limit(MAX_LINKS)
                        .toList(),
                Evidence.Impact.TEAM);
        var created = creation.create(
                actor,
                new NewEvidence(
                        item.personId(),
                        item.source() == Evidence.Source.MENTORING
                                ? item.source().name().toLowerCase(Locale.ROOT)
                                : EvidencePolicy.ref(actor),
                        input,
                        item.source(),
                        item.externalId(),
                        Evidence.Status.SUBMITTED));
        if (created.isEmpty()) {
            return new Result(
                    Outcome.ALREADY_CAPTURED,
                    evidence.findByExternalId(item.source(), item.externalId()).orElseThrow());
        }
        return new Result(Outcome.CREATED, created.get());
    }

    /** Captured text comes from machines: it is kept, without the control characters people may not enter. */
    private static String prose(String text, int max) {
        String clean = Validation.withoutForbiddenControls(text);
        return clean.length() <= max ? clean : clean.substring(0, max);
    }

    private static String clip(String text, int max) {
        String stripped = Validation.withoutForbiddenControls(text)
                .replaceAll("[\\r\\n\\t]+", " ")
                .strip();
        if (stripped.isEmpty()) {
            return "(untitled)";
        }
        return stripped.length() <= max ? stripped : stripped.substring(0, max - 1) + "…";
    }

    /**
     * Work seen elsewhere, attributed to a person.
     *
     * @param competencyKeys keys of the competencies it supports; those the person's framework has are linked
     * @param externalId the source's stable id for it, which makes capture idempotent
     */
    public record Captured(
            UUID personId,
            Evidence.Kind kind,
            Set<String> competencyKeys,
            String title,
            String description,
            LocalDate occurredOn,
            List<String> links,
            Evidence.Source source,
            String externalId) {}

    /** What capture did. */
    public enum Outcome {
        CREATED,
        ALREADY_CAPTURED,
        /** The person's framework version has none of the competencies named; nothing was recorded. */
        NO_COMPETENCY
    }

    /** The outcome and the evidence created or found. */
    public record Result(Outcome outcome, @Nullable Evidence evidence) {}
}
