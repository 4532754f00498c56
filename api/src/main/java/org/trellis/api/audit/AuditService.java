package org.trellis.api.audit;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.Role;
import org.trellis.graphql.OffsetWindows;

/** The audit log is read by the tenant's admins only. */
@Service
public class AuditService {

    private final AuditLog log;

    AuditService(AuditLog log) {
        this.log = log;
    }

    @Transactional(readOnly = true)
    public Window<AuditEvent> list(Actor actor, AuditFilter filter, ScrollSubrange subrange) {
        actor.tenant();
        actor.require(Role.TENANT_ADMIN);
        long offset = OffsetWindows.offset(subrange);
        int limit = OffsetWindows.limit(subrange, 20, 100);
        return OffsetWindows.window(log.page(filter, offset, limit + 1), offset, limit);
    }
}
