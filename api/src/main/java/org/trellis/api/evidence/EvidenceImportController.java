package org.trellis.api.evidence;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.Ids.CompetencyId;
import org.trellis.api.shared.Ids.PersonId;
import org.trellis.graphql.UserError;

/** GraphQL: {@code importEvidence}, the batch import for portals. */
@Controller
class EvidenceImportController {

    private final EvidenceImport importer;

    EvidenceImportController(EvidenceImport importer) {
        this.importer = importer;
    }

    @MutationMapping
    ImportPayload importEvidence(@Argument ImportInput input) {
        List<EvidenceImport.Item> items = input.items().stream()
                .map(item -> new EvidenceImport.Item(
                        item.externalId(), item.personId().value(), item.draft()))
                .toList();
        return new ImportPayload(importer.importItems(ActorAuthentication.current(), items), List.of());
    }

    record ImportInput(List<ImportItem> items) {}

    record ImportItem(
            String externalId,
            PersonId personId,
            @Nullable List<CompetencyId> competencyIds,
            Evidence.@Nullable Kind kind,
            @Nullable String title,
            @Nullable String description,
            @Nullable LocalDate occurredOn,
            @Nullable List<String> links,
            Evidence.@Nullable Impact impact)
            implements DraftInput {}

    record ImportPayload(List<EvidenceImport.Result> results, List<UserError> userErrors) {}
}
