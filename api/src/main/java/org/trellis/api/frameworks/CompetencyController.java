package org.trellis.api.frameworks;

import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.BatchJoins;

/** GraphQL {@code Competency}: its expectations per level, batch-loaded. */
@Controller
class CompetencyController {

    private final FrameworkService frameworks;

    CompetencyController(FrameworkService frameworks) {
        this.frameworks = frameworks;
    }

    @BatchMapping(typeName = "Competency", field = "expectations")
    Map<Competency, List<Expectation>> expectations(List<Competency> list) {
        return BatchJoins.toMany(
                list, Competency::id, ids -> frameworks.expectationsOf(ActorAuthentication.current(), ids));
    }
}
