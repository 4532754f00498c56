package org.trellis.api.tenancy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.outbound.OutboundUrls;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.NotFoundException;
import org.trellis.api.shared.PrincipalChanges;
import org.trellis.api.shared.Validation;
import org.trellis.graphql.UserError.Code;

/**
 * The identity-provider registry: platform operators manage any tenant's providers, tenant admins their own
 * tenant's. Every change is audited in the tenant's log and drops this node's cached view of the issuer.
 */
@Service
public class IdentityProviderService {

    private final IdentityProviders providers;
    private final Tenants tenants;
    private final AuditTrail audit;
    private final IssuerAuthenticationManagers managers;
    private final SecurityProperties security;

    private final PrincipalChanges principals;

    IdentityProviderService(
            IdentityProviders providers,
            Tenants tenants,
            AuditTrail audit,
            IssuerAuthenticationManagers managers,
            SecurityProperties security,
            PrincipalChanges principals) {
        this.providers = providers;
        this.principals = principals;
        this.tenants = tenants;
        this.audit = audit;
        this.managers = managers;
        this.security = security;
    }

    /** Providers per tenant, for tenant admins of those tenants and platform operators. */
    @Transactional(readOnly = true)
    public Map<UUID, List<IdentityProvider>> byTenant(Actor actor, Collection<UUID> tenantIds) {
        tenantIds.forEach(tenantId -> TenancyPolicy.requireManageIdentityProviders(actor, tenantId));
        Map<UUID, List<IdentityProvider>> result = new LinkedHashMap<>();
        tenantIds.forEach(tenantId -> result.put(tenantId, new ArrayList<>()));
        providers.findByTenants(tenantIds).forEach(p -> result.get(p.tenantId()).add(p));
        return result;
    }

    @Transactional(readOnly = true)
    public IdentityProvider get(Actor actor, UUID id) {
        IdentityProvider provider =
                providers.findById(id).orElseThrow(() -> new NotFoundException("Identity provider"));
        TenancyPolicy.requireManageIdentityProviders(actor, provider.tenantId());
        return provider;
    }

    @Transactional(readOnly = true)
    public List<IdentityProvider> getAll(Actor actor, Collection<UUID> ids) {
        List<IdentityProvider> found = ids.isEmpty() ? List.of() : providers.findByIds(ids);
        found.forEach(provider -> TenancyPolicy.requireManageIdentityProviders(actor, provider.tenantId()));
        return found;
    }

    @Transactional
    public IdentityProvider register(Actor actor, @Nullable UUID tenantId, Settings input) {
        UUID tenant = targetTenant(actor, tenantId);
        Validation validation = new Validation();
        String issuer = url(validation, input.issuer(), true, "issuer");
        ProviderSettings settings = validate(validation, input, issuer == null ? "" : issuer);
        validation.throwIfInvalid();
        if (!providers.claimIssuer(settings.issuer())) {
            validation.reject(Code.ALREADY_EXISTS, "This issuer is already registered.", "input", "issuer");
            validation.throwIfInvalid();
        }
        IdentityProvider created = providers.insert(tenant, settings);
        audit.record(
                actor, tenant, "identity-provider.registered", "IdentityProvider", created.id(), describe(created));
        managers.evict(created.issuer());
        return created;
    }

    /** Changes a provider's settings ({@link ProviderChanges}); the issuer never changes. */
    @Transactional
    public IdentityProvider update(Actor actor, UUID id, ProviderChanges changes) {
        IdentityProvider current = get(actor, id);
        Validation validation = new Validation();
        String keys = validation.optionalText(changes.jwkSetUri(), current.jwkSetUri(), 2000, "input", "jwkSetUri");
        List<RoleMapping> roles = changes.roleMappings().or(current.roleMappings());
        ProviderSettings settings = new ProviderSettings(
                validation.text(changes.displayName(), current.displayName(), 200, "input", "displayName"),
                current.issuer(),
                changes.jwkSetUri().given() ? checkedUrl(validation, keys, "jwkSetUri") : keys,
                validation.text(changes.audience(), current.audience(), 500, "input", "audience"),
                ProviderMappings.claims(
                        validation,
                        validation.required(changes.claimMappings(), null, "input", "claimMappings"),
                        current.claimMappings(),
                        false),
                changes.roleMappings().given()
                        ? ProviderMappings.roles(validation, roles == null ? List.of() : roles)
                        : roles,
                SignInPolicies.validate(
                        validation,
                        validation.required(changes.signInPolicy(), null, "input", "signInPolicy"),
                        current.signInPolicy(),
                        false));
        validation.throwIfInvalid();
        IdentityProvider updated = providers.update(current, settings);
        audit.record(
                actor,
                updated.tenantId(),
                "identity-provider.updated",
                "IdentityProvider",
                id,
                Map.of("before", describe(current), "after", describe(updated)));
        managers.evict(updated.issuer());
        principals.changed(updated.tenantId());
        return updated;
    }

    @Transactional
    public IdentityProvider rotateKeys(Actor actor, UUID id, @Nullable String jwkSetUri) {
        IdentityProvider current = get(actor, id);
        Validation validation = new Validation();
        String keys = jwkSetUri == null ? current.jwkSetUri() : url(validation, jwkSetUri, true, "jwkSetUri");
        validation.throwIfInvalid();
        IdentityProvider rotated = providers.rotateKeys(id, keys);
        audit.record(
                actor,
                rotated.tenantId(),
                "identity-provider.keys-rotated",
                "IdentityProvider",
                id,
                Map.of("jwkSetUri", String.valueOf(rotated.jwkSetUri())));
        managers.evict(rotated.issuer());
        principals.changed(rotated.tenantId());
        return rotated;
    }

    @Transactional
    public IdentityProvider setStatus(Actor actor, UUID id, IdentityProvider.Status status) {
        IdentityProvider current = get(actor, id);
        IdentityProvider changed = providers.setStatus(id, status);
        audit.record(
                actor,
                changed.tenantId(),
                status == IdentityProvider.Status.ACTIVE ? "identity-provider.enabled" : "identity-provider.disabled",
                "IdentityProvider",
                id,
                Map.of("before", current.status(), "after", status));
        managers.evict(changed.issuer());
        principals.changed(changed.tenantId());
        return changed;
    }

    private UUID targetTenant(Actor actor, @Nullable UUID tenantId) {
        if (actor.isPlatformOperator()) {
            if (tenantId == null) {
                throw org.trellis.api.shared.InvalidInputException.of(new org.trellis.graphql.UserError(
                        List.of("input", "tenantId"), "Required for platform operators.", Code.REQUIRED));
            }
            tenants.findById(tenantId).orElseThrow(() -> new NotFoundException("Tenant"));
            return tenantId;
        }
        UUID own = actor.tenant();
        if (tenantId != null && !tenantId.equals(own)) {
            throw new NotFoundException("Tenant");
        }
        TenancyPolicy.requireManageIdentityProviders(actor, own);
        return own;
    }

    /** A new provider's settings: what is not given takes its default. */
    private ProviderSettings validate(Validation validation, Settings input, String issuer) {
        String displayName = validation.text(input.displayName(), 200, "input", "displayName");
        String jwkSetUri = input.jwkSetUri() == null ? null : url(validation, input.jwkSetUri(), false, "jwkSetUri");
        String audience = validation.text(input.audience(), 500, "input", "audience");
        ClaimMappings claims = ProviderMappings.claims(validation, input.claimMappings(), ClaimMappings.DEFAULTS, true);
        List<RoleMapping> roles =
                input.roleMappings() == null ? List.of() : ProviderMappings.roles(validation, input.roleMappings());
        SignInPolicy policy = SignInPolicies.validate(validation, input.signInPolicy(), SignInPolicy.DEFAULTS, true);
        return new ProviderSettings(displayName, issuer, jwkSetUri, audience, claims, roles, policy);
    }

    private @Nullable String url(Validation validation, @Nullable String value, boolean required, String field) {
        String url = required
                ? validation.text(value, 2000, "input", field)
                : validation.optionalText(value, 2000, "input", field);
        return checkedUrl(validation, url, field);
    }

    /** {@code url} if it is one Trellis may fetch keys from; null (and INVALID) otherwise. */
    private @Nullable String checkedUrl(Validation validation, @Nullable String url, String field) {
        if (url == null) {
            return null;
        }
        var problem = OutboundUrls.problem(url, security.allowInsecureUrls());
        problem.ifPresent(message -> validation.reject(Code.INVALID, message, "input", field));
        return problem.isPresent() ? null : url;
    }

    private static Map<String, Object> describe(IdentityProvider provider) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("displayName", provider.displayName());
        summary.put("issuer", provider.issuer());
        summary.put("jwkSetUri", String.valueOf(provider.jwkSetUri()));
        summary.put("audience", provider.audience());
        summary.put("claimMappings", provider.claimMappings());
        summary.put("roleMappings", provider.roleMappings());
        summary.put("signInPolicy", provider.signInPolicy());
        summary.put("status", provider.status());
        return summary;
    }

    /** A new provider's settings as given by a caller; null means "not given". */
    public record Settings(
            @Nullable String displayName,
            @Nullable String issuer,
            @Nullable String jwkSetUri,
            @Nullable String audience,
            @Nullable ClaimMappingsInput claimMappings,
            @Nullable List<RoleMapping> roleMappings,
            SignInPolicies.@Nullable Input signInPolicy) {}
}
