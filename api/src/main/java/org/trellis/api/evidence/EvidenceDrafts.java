package org.trellis.api.evidence;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.trellis.api.frameworks.AssignmentService;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.Validation;
import org.trellis.graphql.UserError.Code;

/**
 * What people may write into evidence: a title, a description, a date that is not in the future, http(s) links, and
 * 1 to 10 competencies of the framework version the person is assigned to. Every problem is reported at once.
 */
@Component
class EvidenceDrafts {

    private static final int MAX_LINKS = 10;
    private static final int MAX_COMPETENCIES = 10;

    private final AssignmentService assignments;

    EvidenceDrafts(AssignmentService assignments) {
        this.assignments = assignments;
    }

    EvidenceInput validate(Actor actor, UUID owner, EvidenceDraft draft) {
        return validate(actor, owner, draft, new Validation());
    }

    /** As {@link #validate(Actor, UUID, EvidenceDraft)}, reporting with the problems {@code validation} holds. */
    EvidenceInput validate(Actor actor, UUID owner, EvidenceDraft draft, Validation validation) {
        String title = validation.text(draft.title(), 200, "input", "title");
        String prose = validation.prose(draft.description(), 20_000, "input", "description");
        String description = prose == null ? "" : prose;
        if (draft.occurredOn() == null) {
            validation.reject(Code.REQUIRED, "Required.", "input", "occurredOn");
        } else if (draft.occurredOn().isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1))) {
            validation.reject(Code.INVALID, "Evidence cannot be in the future.", "input", "occurredOn");
        } else if (draft.occurredOn().isBefore(LocalDate.of(2000, 1, 1))) {
            validation.reject(Code.INVALID, "Too far in the past.", "input", "occurredOn");
        }
        List<String> links = draft.links() == null ? List.of() : draft.links();
        if (links.size() > MAX_LINKS) {
            validation.reject(Code.INVALID, "At most " + MAX_LINKS + " links.", "input", "links");
        }
        for (String link : links) {
            if (!EvidenceInput.isWebLink(link)) {
                validation.reject(
                        Code.INVALID,
                        "Links must be absolute http or https URLs of at most 2000 characters.",
                        "input",
                        "links");
                break;
            }
        }
        List<UUID> competencies = draft.competencyIds() == null
                ? List.of()
                : draft.competencyIds().stream().distinct().toList();
        if (competencies.isEmpty() || competencies.size() > MAX_COMPETENCIES) {
            validation.reject(
                    Code.INVALID, "Name 1 to " + MAX_COMPETENCIES + " competencies.", "input", "competencyIds");
        } else {
            Set<UUID> allowed = assignments.currentCompetencies(actor, owner);
            if (!allowed.containsAll(competencies)) {
                validation.reject(
                        Code.INVALID,
                        allowed.isEmpty()
                                ? "The person has no framework assignment."
                                : "Competencies must come from the person's framework version.",
                        "input",
                        "competencyIds");
            }
        }
        if (draft.kind() == null) {
            validation.reject(Code.REQUIRED, "Required.", "input", "kind");
        }
        validation.throwIfInvalid();
        return new EvidenceInput(
                competencies,
                draft.kind(),
                title,
                description,
                draft.occurredOn(),
                links,
                draft.impact() == null ? Evidence.Impact.TEAM : draft.impact());
    }
}
