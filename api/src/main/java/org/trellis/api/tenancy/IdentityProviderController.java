package org.trellis.api.tenancy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.Ids;
import org.trellis.api.shared.NodeResolver;
import org.trellis.graphql.UserError;

/** GraphQL: identity providers of tenants. */
@Controller
class IdentityProviderController implements NodeResolver {

    private final IdentityProviderService providers;

    IdentityProviderController(IdentityProviderService providers) {
        this.providers = providers;
    }

    @BatchMapping(typeName = "Tenant", field = "identityProviders")
    Map<Tenant, List<IdentityProvider>> identityProviders(List<Tenant> tenants) {
        Map<UUID, List<IdentityProvider>> byTenant = providers.byTenant(
                ActorAuthentication.current(), tenants.stream().map(Tenant::id).toList());
        return tenants.stream().collect(Collectors.toMap(Function.identity(), t -> byTenant.get(t.id())));
    }

    @BatchMapping(typeName = "ServiceClient", field = "identityProvider")
    Map<ServiceClient, IdentityProvider> clientProvider(List<ServiceClient> clients) {
        Map<UUID, IdentityProvider> found = providers
                .getAll(
                        ActorAuthentication.current(),
                        clients.stream()
                                .map(ServiceClient::identityProviderId)
                                .distinct()
                                .toList())
                .stream()
                .collect(Collectors.toMap(IdentityProvider::id, Function.identity()));
        return clients.stream().collect(Collectors.toMap(Function.identity(), c -> found.get(c.identityProviderId())));
    }

    @MutationMapping
    Payload registerIdentityProvider(@Argument RegisterInput input) {
        Actor actor = ActorAuthentication.current();
        return Payload.of(providers.register(actor, Ids.decodeOptional(input.tenantId(), "Tenant"), input.settings()));
    }

    @MutationMapping
    Payload updateIdentityProvider(@Argument UpdateInput input) {
        Actor actor = ActorAuthentication.current();
        var settings = new IdentityProviderService.Settings(
                input.displayName(),
                null,
                input.jwkSetUri(),
                input.audience(),
                input.claimMappings(),
                input.roleMappings(),
                input.signInPolicy());
        return Payload.of(providers.update(actor, id(input.id()), settings));
    }

    @MutationMapping
    Payload rotateIdentityProviderKeys(@Argument RotateInput input) {
        return Payload.of(providers.rotateKeys(ActorAuthentication.current(), id(input.id()), input.jwkSetUri()));
    }

    @MutationMapping
    Payload disableIdentityProvider(@Argument IdInput input) {
        return Payload.of(
                providers.setStatus(ActorAuthentication.current(), id(input.id()), IdentityProvider.Status.DISABLED));
    }

    @MutationMapping
    Payload enableIdentityProvider(@Argument IdInput input) {
        return Payload.of(
                providers.setStatus(ActorAuthentication.current(), id(input.id()), IdentityProvider.Status.ACTIVE));
    }

    @Override
    public String type() {
        return "IdentityProvider";
    }

    @Override
    public Object resolve(Actor actor, UUID id) {
        return providers.get(actor, id);
    }

    private static UUID id(String globalId) {
        return Ids.decode(globalId, "IdentityProvider");
    }

    record RegisterInput(
            @Nullable String tenantId,
            String displayName,
            String issuer,
            @Nullable String jwkSetUri,
            String audience,
            @Nullable ClaimMappings claimMappings,
            @Nullable List<RoleMapping> roleMappings,
            SignInPolicies.@Nullable Input signInPolicy) {

        IdentityProviderService.Settings settings() {
            return new IdentityProviderService.Settings(
                    displayName, issuer, jwkSetUri, audience, claimMappings, roleMappings, signInPolicy);
        }
    }

    record UpdateInput(
            String id,
            @Nullable String displayName,
            @Nullable String jwkSetUri,
            @Nullable String audience,
            @Nullable ClaimMappings claimMappings,
            @Nullable List<RoleMapping> roleMappings,
            SignInPolicies.@Nullable Input signInPolicy) {}

    record RotateInput(String id, @Nullable String jwkSetUri) {}

    record IdInput(String id) {}

    /** Every identity-provider mutation answers with this shape. */
    record Payload(IdentityProvider identityProvider, List<UserError> userErrors) {

        static Payload of(IdentityProvider provider) {
            return new Payload(provider, List.of());
        }
    }
}
