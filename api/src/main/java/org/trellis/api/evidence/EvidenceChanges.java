package org.trellis.api.evidence;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.trellis.api.shared.Change;
import org.trellis.api.shared.Validation;

/**
 * Changes to an evidence item ({@link Change}): a field not given stays; null clears the description (empty) and the
 * links (none) and is REQUIRED for the fields evidence always has; an empty description is INVALID.
 */
record EvidenceChanges(
        Change<List<UUID>> competencyIds,
        Change<Evidence.Kind> kind,
        Change<String> title,
        Change<String> description,
        Change<LocalDate> occurredOn,
        Change<List<String>> links,
        Change<Evidence.Impact> impact) {

    /**
     * The fields after the changes, for {@link EvidenceDrafts} to validate as a whole. A field that may not be cleared
     * keeps its value here, its refusal recorded in {@code validation}.
     */
    EvidenceDraft over(Evidence current, List<UUID> currentCompetencies, Validation validation) {
        String text = validation.text(title, current.title(), 200, "input", "title");
        return new EvidenceDraft(
                kept(validation, competencyIds, currentCompetencies, "competencyIds"),
                kept(validation, kind, current.kind(), "kind"),
                text == null ? current.title() : text,
                validation.prose(description, current.description(), 20_000, "input", "description"),
                kept(validation, occurredOn, current.occurredOn(), "occurredOn"),
                links.given() ? Objects.requireNonNullElse(links.value(), List.of()) : current.links(),
                kept(validation, impact, current.impact(), "impact"));
    }

    private static <T> T kept(Validation validation, Change<T> change, T current, String field) {
        return Objects.requireNonNullElse(validation.required(change, current, "input", field), current);
    }
}
