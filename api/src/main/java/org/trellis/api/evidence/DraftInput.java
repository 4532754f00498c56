package org.trellis.api.evidence;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.trellis.api.shared.Ids.CompetencyId;

/** The evidence fields of a GraphQL input ({@code LogEvidenceInput}, {@code UpdateEvidenceInput}, import items). */
interface DraftInput {

    @Nullable
    List<CompetencyId> competencyIds();

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
        List<CompetencyId> ids = competencyIds();
        return new EvidenceDraft(
                ids == null ? null : ids.stream().map(CompetencyId::value).toList(),
                kind(),
                title(),
                description(),
                occurredOn(),
                links(),
                impact());
    }
}
