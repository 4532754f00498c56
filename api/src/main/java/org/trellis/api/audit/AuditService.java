package org.trellis.api.audit;

import graphql.execution.DataFetcherResult;
import java.util.UUID;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.NotFoundException;
import org.trellis.api.shared.Role;
import org.trellis.graphql.KeysetWindows;

/** The audit log is read by the tenant's admins only. */
@Service
public class AuditService {

    private final AuditLog log;

    AuditService(AuditLog log) {
        this.log = log;
    }

    /** One event, for {@code node(id:)}; tenant admins only, NOT_FOUND otherwise. */
    @Transactional(readOnly = true)
    public AuditEvent get(Actor actor, UUID id) {
        actor.tenant();
        if (!actor.hasRole(Role.TENANT_ADMIN)) {
            throw new NotFoundException("AuditEvent");
        }
        return log.find(id).orElseThrow(() -> new NotFoundException("AuditEvent"));
    }

    @Transactional(readOnly = true)
    public DataFetcherResult<Window<AuditEvent>> list(Actor actor, AuditFilter filter, ScrollSubrange subrange) {
        actor.tenant();
        actor.require(Role.TENANT_ADMIN);
        KeysetWindows.Page page = KeysetWindows.page(subrange, 20, 100);
        return log.page(filter, page).window(page, AuditLog::keys);
    }
}
