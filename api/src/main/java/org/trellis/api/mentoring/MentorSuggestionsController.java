package org.trellis.api.mentoring;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.Ids.CompetencyId;
import org.trellis.api.shared.Ids.PersonId;

/** GraphQL {@code MentorSuggestions}: ranked candidate mentors for a mentee. */
@Controller
class MentorSuggestionsController {

    private final MentorSuggestions suggestions;

    MentorSuggestionsController(MentorSuggestions suggestions) {
        this.suggestions = suggestions;
    }

    @QueryMapping
    MentorSuggestions.Result mentorSuggestions(
            @Argument PersonId menteeId,
            @Argument @Nullable List<CompetencyId> competencyIds,
            @Argument @Nullable Boolean excludeReportingLine,
            @Argument @Nullable Integer first) {
        return suggestions.suggest(
                ActorAuthentication.current(),
                menteeId.value(),
                competencyIds == null
                        ? null
                        : competencyIds.stream().map(CompetencyId::value).toList(),
                excludeReportingLine == null || excludeReportingLine,
                first == null ? 5 : Math.max(1, Math.min(first, 20)));
    }
}
