package org.trellis.api.readiness;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.frameworks.FrameworkService;
import org.trellis.api.frameworks.FrameworkVersion;
import org.trellis.api.readiness.ReadinessEngine.Policy;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.BatchJoins;
import org.trellis.api.shared.InvalidInputException;
import org.trellis.api.shared.Validation;
import org.trellis.graphql.UserError;

/**
 * The readiness policy of framework versions: readable wherever the version is, set by tenant admins on drafts only
 * (a published version, and the verdicts made by it, never change).
 */
@Service
class VersionPolicyService {

    private final VersionPolicies policies;
    private final FrameworkService frameworks;
    private final AuditTrail audit;

    VersionPolicyService(VersionPolicies policies, FrameworkService frameworks, AuditTrail audit) {
        this.policies = policies;
        this.frameworks = frameworks;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    Map<FrameworkVersion, Policy> of(List<FrameworkVersion> versions) {
        Map<UUID, Policy> found =
                policies.of(versions.stream().map(FrameworkVersion::id).toList());
        return BatchJoins.each(versions, v -> found.getOrDefault(v.id(), Policy.DEFAULT));
    }

    @Transactional
    FrameworkVersion set(Actor actor, UUID versionId, Policy policy) {
        ReadinessPolicy.requireAdmin(actor);
        FrameworkVersion version = frameworks.version(actor, versionId);
        Validation validation = new Validation();
        if (policy.minMetPercent() < 1 || policy.minMetPercent() > 100) {
            validation.reject(UserError.Code.INVALID, "Between 1 and 100.", "input", "minMetPercent");
        }
        if (policy.nearlyPercent() < 0 || policy.nearlyPercent() > 100) {
            validation.reject(UserError.Code.INVALID, "Between 0 and 100.", "input", "nearlyPercent");
        }
        if (policy.sustainMonths() < 0 || policy.sustainMonths() > 24) {
            validation.reject(UserError.Code.INVALID, "Between 0 and 24.", "input", "sustainMonths");
        }
        validation.throwIfInvalid();
        if (!policies.setOnDraft(versionId, policy)) {
            throw InvalidInputException.of(new UserError(
                    List.of("input", "versionId"),
                    "Only a draft's readiness policy can change; create a draft from this version.",
                    UserError.Code.INVALID));
        }
        audit.record(
                actor,
                actor.tenant(),
                "framework.readiness-policy-set",
                "FrameworkVersion",
                version.id(),
                Map.of("policy", policy.toString()));
        return version;
    }
}
