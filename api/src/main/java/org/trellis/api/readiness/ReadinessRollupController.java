package org.trellis.api.readiness;

import java.util.List;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.graphql.UserError;

/** GraphQL {@code rebuildReadinessRollups}. */
@Controller
class ReadinessRollupController {

    private final RollupService rollups;

    ReadinessRollupController(RollupService rollups) {
        this.rollups = rollups;
    }

    @MutationMapping
    Payload rebuildReadinessRollups() {
        return new Payload(rollups.rebuild(ActorAuthentication.current()), List.of());
    }

    record Payload(int cellsWritten, List<UserError> userErrors) {}
}
