package org.trellis.api.frameworks;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.ActorAuthentication;

/** GraphQL {@code Expectation}: the level it is expected at, batch-loaded. */
@Controller
class ExpectationController {

    private final FrameworkService frameworks;

    ExpectationController(FrameworkService frameworks) {
        this.frameworks = frameworks;
    }

    @BatchMapping(typeName = "Expectation", field = "level")
    Map<Expectation, Level> level(List<Expectation> list) {
        Map<UUID, Level> found = FrameworkJoins.index(
                frameworks.levels(
                        ActorAuthentication.current(),
                        list.stream().map(Expectation::levelId).distinct().toList()),
                Level::id);
        return FrameworkJoins.byKey(list, e -> found.get(e.levelId()));
    }
}
