package org.trellis.api.shared;

import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.trellis.persistence.DatabaseScope;
import org.trellis.persistence.DatabaseScopeProvider;

/**
 * Decides which rows the next transaction may touch: an explicit scope for work done before or outside a request
 * (token verification, provisioning), otherwise the verified caller's own tenant, or the platform scope for a
 * platform operator. No caller means no rows.
 */
@Component
public final class CallerScope implements DatabaseScopeProvider {

    private static final ScopedValue<DatabaseScope> EXPLICIT = ScopedValue.newInstance();

    /** Runs {@code work} with transactions scoped to the tenant, whoever the caller is. */
    public static <T> T inTenant(UUID tenantId, Supplier<T> work) {
        return ScopedValue.where(EXPLICIT, DatabaseScope.tenant(tenantId)).call(work::get);
    }

    @Override
    public DatabaseScope currentScope() {
        if (EXPLICIT.isBound()) {
            return EXPLICIT.get();
        }
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ActorAuthentication authentication) {
            Actor actor = authentication.getPrincipal();
            if (actor.isPlatformOperator()) {
                return DatabaseScope.PLATFORM;
            }
            if (actor.tenantId() != null) {
                return DatabaseScope.tenant(actor.tenantId());
            }
        }
        return DatabaseScope.NONE;
    }
}
