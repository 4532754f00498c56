package org.trellis.api.readiness;

import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.frameworks.FrameworkVersion;
import org.trellis.api.readiness.ReadinessEngine.Policy;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.Ids.FrameworkVersionId;
import org.trellis.graphql.UserError;

/** GraphQL {@code FrameworkVersion.readinessPolicy} and {@code setReadinessPolicy}. */
@Controller
class VersionPolicyController {

    private final VersionPolicyService policies;

    VersionPolicyController(VersionPolicyService policies) {
        this.policies = policies;
    }

    @BatchMapping(typeName = "FrameworkVersion", field = "readinessPolicy")
    Map<FrameworkVersion, Policy> readinessPolicy(List<FrameworkVersion> versions) {
        return policies.of(versions);
    }

    @MutationMapping
    Payload setReadinessPolicy(@Argument PolicyInput input) {
        return new Payload(
                policies.set(
                        ActorAuthentication.current(),
                        input.versionId().value(),
                        new Policy(input.minMetPercent(), input.nearlyPercent(), input.sustainMonths())),
                List.of());
    }

    record PolicyInput(FrameworkVersionId versionId, int minMetPercent, int nearlyPercent, int sustainMonths) {}

    record Payload(FrameworkVersion frameworkVersion, List<UserError> userErrors) {}
}
