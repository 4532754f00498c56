package org.trellis.api.readiness;

import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.ActorAuthentication;

/** GraphQL {@code rebuildReadinessRollups}. */
@Controller
class ReadinessRollupController {

    private final RollupService rollups;

    ReadinessRollupController(RollupService rollups) {
        this.rollups = rollups;
    }

    @MutationMapping
    int rebuildReadinessRollups() {
        return rollups.rebuild(ActorAuthentication.current());
    }
}
