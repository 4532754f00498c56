package org.trellis.api.frameworks;

import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.ActorAuthentication;

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
        var found = frameworks.versionsOf(
                ActorAuthentication.current(), list.stream().map(Framework::id).toList());
        return FrameworkJoins.byKey(list, f -> found.get(f.id()));
    }
}
