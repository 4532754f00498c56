package org.trellis.api.evidence;

import graphql.execution.DataFetcherResult;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.Ids;
import org.trellis.api.shared.Ids.CompetencyId;
import org.trellis.api.shared.Ids.PersonId;

/** GraphQL queries: a person's evidence, the caller's review queue, and {@code node} for evidence (see {@link EvidenceNodes}). */
@Controller
class EvidenceController {

    private final EvidenceService evidence;

    EvidenceController(EvidenceService evidence) {
        this.evidence = evidence;
    }

    @QueryMapping(name = "evidence")
    DataFetcherResult<Window<Evidence>> evidenceOf(
            @Argument PersonId personId, @Argument @Nullable FilterInput filter, ScrollSubrange subrange) {
        EvidenceFilter criteria = filter == null
                ? new EvidenceFilter(null, null, null, null, null)
                : new EvidenceFilter(
                        Ids.valueOf(filter.competencyId()), filter.kind(), filter.status(), filter.from(), filter.to());
        return evidence.ofPerson(actor(), personId.value(), criteria, subrange);
    }

    @QueryMapping
    DataFetcherResult<Window<Evidence>> reviewQueue(ScrollSubrange subrange) {
        return evidence.reviewQueue(actor(), subrange);
    }

    private static Actor actor() {
        return ActorAuthentication.current();
    }

    record FilterInput(
            @Nullable CompetencyId competencyId,
            Evidence.@Nullable Kind kind,
            Evidence.@Nullable Status status,
            @Nullable LocalDate from,
            @Nullable LocalDate to) {}
}
