package org.trellis.api.tenancy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.NotFoundException;
import org.trellis.api.shared.PrincipalChanges;
import org.trellis.api.shared.Scopes;
import org.trellis.api.shared.Validation;
import org.trellis.graphql.UserError.Code;

/** Machine clients of a tenant's identity providers; managed like the providers themselves. */
@Service
public class ServiceClientService {

    private final ServiceClients clients;
    private final IdentityProviderService providers;
    private final AuditTrail audit;
    private final PrincipalChanges principals;

    ServiceClientService(
            ServiceClients clients, IdentityProviderService providers, AuditTrail audit, PrincipalChanges principals) {
        this.principals = principals;
        this.clients = clients;
        this.providers = providers;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Map<UUID, List<ServiceClient>> byProvider(Actor actor, Collection<IdentityProvider> owners) {
        owners.forEach(owner -> TenancyPolicy.requireManageServiceClients(actor, owner.tenantId()));
        Map<UUID, List<ServiceClient>> result = new LinkedHashMap<>();
        owners.forEach(owner -> result.put(owner.id(), new ArrayList<>()));
        if (!owners.isEmpty()) {
            clients.findByProviders(result.keySet())
                    .forEach(c -> result.get(c.identityProviderId()).add(c));
        }
        return result;
    }

    @Transactional(readOnly = true)
    public ServiceClient get(Actor actor, UUID id) {
        ServiceClient client = clients.findById(id).orElseThrow(() -> new NotFoundException("Service client"));
        TenancyPolicy.requireManageServiceClients(actor, client.tenantId());
        return client;
    }

    @Transactional
    public ServiceClient register(
            Actor actor, UUID identityProviderId, String subject, String name, List<String> scopes) {
        IdentityProvider provider = providers.get(actor, identityProviderId);
        Validation validation = new Validation();
        String validSubject = validation.text(subject, 500, "input", "subject");
        String validName = validation.text(name, 200, "input", "name");
        Set<String> validScopes = new TreeSet<>();
        for (String scope : scopes) {
            if (Scopes.KNOWN.contains(scope)) {
                validScopes.add(scope);
            } else {
                validation.reject(Code.INVALID, "Unknown scope: " + truncate(scope) + ".", "input", "scopes");
            }
        }
        if (validSubject != null
                && clients.findBySubject(provider.id(), validSubject).isPresent()) {
            validation.reject(Code.ALREADY_EXISTS, "A client with this subject exists.", "input", "subject");
        }
        validation.throwIfInvalid();
        ServiceClient client = clients.insert(provider.tenantId(), provider.id(), validSubject, validName, validScopes);
        audit.record(
                actor,
                client.tenantId(),
                "service-client.registered",
                "ServiceClient",
                client.id(),
                Map.of("subject", client.subject(), "scopes", client.scopes()));
        return client;
    }

    @Transactional
    public ServiceClient disable(Actor actor, UUID id) {
        ServiceClient client = get(actor, id);
        ServiceClient disabled = clients.disable(client.id());
        audit.record(actor, client.tenantId(), "service-client.disabled", "ServiceClient", id, Map.of());
        principals.changed(client.tenantId());
        return disabled;
    }

    private static String truncate(String value) {
        return value.length() > 50 ? value.substring(0, 50) + "…" : value;
    }
}
