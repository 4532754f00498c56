package org.trellis.api.tenancy;

import graphql.execution.DataFetcherResult;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.NotFoundException;
import org.trellis.api.shared.Role;
import org.trellis.api.shared.Validation;
import org.trellis.graphql.KeysetWindows;
import org.trellis.graphql.UserError.Code;

/** Tenants: platform operators create and list them; members see their own. */
@Service
public class TenantService {

    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 100;

    private final Tenants tenants;
    private final AuditTrail audit;

    TenantService(Tenants tenants, AuditTrail audit) {
        this.tenants = tenants;
        this.audit = audit;
    }

    /** The caller's own tenant; null for platform operators. */
    @Transactional(readOnly = true)
    public Tenant own(Actor actor) {
        return tenants.findById(actor.tenant()).orElseThrow(() -> new NotFoundException("Tenant"));
    }

    /** A tenant the caller may see: any for platform operators, only their own for members. */
    @Transactional(readOnly = true)
    public Tenant get(Actor actor, UUID id) {
        if (!actor.isPlatformOperator() && !id.equals(actor.tenantId())) {
            throw new NotFoundException("Tenant");
        }
        return tenants.findById(id).orElseThrow(() -> new NotFoundException("Tenant"));
    }

    @Transactional(readOnly = true)
    public List<Tenant> getAll(Actor actor, Collection<UUID> ids) {
        List<UUID> visible = actor.isPlatformOperator()
                ? List.copyOf(ids)
                : ids.stream().filter(id -> id.equals(actor.tenantId())).toList();
        return visible.isEmpty() ? List.of() : tenants.findByIds(visible);
    }

    @Transactional(readOnly = true)
    public DataFetcherResult<Window<Tenant>> list(Actor actor, ScrollSubrange subrange) {
        actor.require(Role.PLATFORM_OPERATOR);
        KeysetWindows.Page page = KeysetWindows.page(subrange, DEFAULT_PAGE, MAX_PAGE);
        return tenants.page(page).window(page, Tenants::keys);
    }

    @Transactional
    public Tenant create(Actor actor, String slug, String name) {
        actor.require(Role.PLATFORM_OPERATOR);
        Validation validation = new Validation();
        String validSlug = validation.text(slug, 63, "input", "slug");
        String validName = validation.text(name, 200, "input", "name");
        if (validSlug != null && !validSlug.matches("[a-z0-9][a-z0-9-]{1,62}")) {
            validation.reject(Code.INVALID, "2 to 63 lower-case letters, digits and dashes.", "input", "slug");
        } else if (validSlug != null && tenants.slugTaken(validSlug)) {
            validation.reject(Code.ALREADY_EXISTS, "Another tenant uses this slug.", "input", "slug");
        }
        validation.throwIfInvalid();
        Tenant tenant = tenants.insert(validSlug, validName);
        audit.record(actor, tenant.id(), "tenant.created", "Tenant", tenant.id(), Map.of("slug", tenant.slug()));
        return tenant;
    }
}
