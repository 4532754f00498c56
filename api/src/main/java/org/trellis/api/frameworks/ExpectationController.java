package org.trellis.api.frameworks;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.BatchJoins;

/** GraphQL {@code Expectation}: the level it is expected at, batch-loaded. */
@Controller
class ExpectationController {

    private final FrameworkService frameworks;

    ExpectationController(FrameworkService frameworks) {
        this.frameworks = frameworks;
    }

    @BatchMapping(typeName = "Expectation", field = "level")
    Map<Expectation, @Nullable Level> level(List<Expectation> list) {
        return BatchJoins.toOne(
                list, Expectation::levelId, ids -> frameworks.levels(ActorAuthentication.current(), ids), Level::id);
    }
}
