package org.trellis.api.frameworks;

import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.BatchJoins;

/** GraphQL {@code Framework}: the tenant's frameworks and their versions, batch-loaded. */
@Controller
class FrameworkController {

    private final FrameworkService frameworks;

    FrameworkController(FrameworkService frameworks) {
        this.frameworks = frameworks;
    }

    @QueryMapping
    List<Framework> frameworks() {
        return frameworks.all(ActorAuthentication.current());
    }

    @BatchMapping(typeName = "Framework", field = "versions")
    Map<Framework, List<FrameworkVersion>> versions(List<Framework> list) {
        return BatchJoins.toMany(list, Framework::id, ids -> frameworks.versionsOf(ActorAuthentication.current(), ids));
    }
}
