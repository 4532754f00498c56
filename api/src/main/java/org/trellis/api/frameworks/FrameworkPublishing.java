package org.trellis.api.frameworks;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.shared.Actor;

/** A version's lifecycle after drafting: publish a draft, retire a published version. Tenant admins only. */
@Service
class FrameworkPublishing {

    private final Frameworks frameworks;
    private final AuditTrail audit;

    FrameworkPublishing(Frameworks frameworks, AuditTrail audit) {
        this.frameworks = frameworks;
        this.audit = audit;
    }

    @Transactional
    FrameworkVersion publish(Actor actor, UUID versionId) {
        return apply(actor, versionId, FrameworkPolicy.Transition.PUBLISH);
    }

    @Transactional
    FrameworkVersion retire(Actor actor, UUID versionId) {
        return apply(actor, versionId, FrameworkPolicy.Transition.RETIRE);
    }

    private FrameworkVersion apply(Actor actor, UUID versionId, FrameworkPolicy.Transition transition) {
        FrameworkPolicy.requireEdit(actor);
        FrameworkVersion version = frameworks.lockedVersion(versionId);
        FrameworkVersion.Status to = FrameworkPolicy.next(version.status(), transition);
        FrameworkVersion changed = frameworks.setStatus(versionId, to);
        audit.record(
                actor,
                actor.tenant(),
                "framework.version-" + to.name().toLowerCase(Locale.ROOT),
                "FrameworkVersion",
                versionId,
                Map.of("before", version.status(), "after", to));
        return changed;
    }
}
