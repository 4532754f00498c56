package org.trellis.api.readiness;

import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.shared.Actor;

/**
 * The readiness rollup is kept by database triggers in the transaction of every evidence change; this recomputes a
 * tenant's rollup from the evidence, for recovery or after a bulk load, and drops the packed readiness rows so that
 * each is decided again from it when next read. Tenant admins.
 */
@Service
class RollupService {

    private final Rollups rollups;
    private final ReadinessSummaries summaries;
    private final AuditTrail audit;

    RollupService(Rollups rollups, ReadinessSummaries summaries, AuditTrail audit) {
        this.rollups = rollups;
        this.summaries = summaries;
        this.audit = audit;
    }

    @Transactional
    int rebuild(Actor actor) {
        ReadinessPolicy.requireAdmin(actor);
        int written = rollups.rebuild();
        summaries.clear();
        audit.record(
                actor, actor.tenant(), "readiness.rollups-rebuilt", "Tenant", actor.tenant(), Map.of("cells", written));
        return written;
    }
}
