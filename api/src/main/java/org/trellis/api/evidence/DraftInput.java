package org.trellis.api.evidence;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.trellis.api.shared.Ids;

/** The evidence fields of a GraphQL input ({@code LogEvidenceInput}, {@code UpdateEvidenceInput}, import items). */
interface DraftInput {

    @Nullable
    List<String> competencyIds();

    Evidence.@Nullable Kind kind();

    @Nullable
    String title();

    @Nullable
    String description();

    @Nullable
    LocalDate occurredOn();

    @Nullable
    List<String> links();

    Evidence.@Nullable Impact impact();

    default EvidenceDraft draft() {
        List<String> ids = competencyIds();
        return new EvidenceDraft(
                ids == null
                        ? null
                        : ids.stream().map(id -> Ids.decode(id, "Competency")).toList(),
                kind(),
                title(),
                description(),
                occurredOn(),
                links(),
                impact());
    }
}
