package org.trellis.api.tenancy;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.ArgumentValue;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.BatchJoins;
import org.trellis.api.shared.Change;
import org.trellis.api.shared.Ids;
import org.trellis.api.shared.Ids.IdentityProviderId;
import org.trellis.api.shared.Ids.TenantId;
import org.trellis.graphql.UserError;

/** GraphQL: identity providers of tenants. */
@Controller
class IdentityProviderController {

    private final IdentityProviderService providers;

    IdentityProviderController(IdentityProviderService providers) {
        this.providers = providers;
    }

    @BatchMapping(typeName = "Tenant", field = "identityProviders")
    Map<Tenant, List<IdentityProvider>> identityProviders(List<Tenant> tenants) {
        return BatchJoins.toMany(tenants, Tenant::id, ids -> providers.byTenant(ActorAuthentication.current(), ids));
    }

    @BatchMapping(typeName = "ServiceClient", field = "identityProvider")
    Map<ServiceClient, @Nullable IdentityProvider> clientProvider(List<ServiceClient> clients) {
        return BatchJoins.toOne(
                clients,
                ServiceClient::identityProviderId,
                ids -> providers.getAll(ActorAuthentication.current(), ids),
                IdentityProvider::id);
    }

    @MutationMapping
    Payload registerIdentityProvider(@Argument RegisterInput input) {
        Actor actor = ActorAuthentication.current();
        return Payload.of(providers.register(actor, Ids.valueOf(input.tenantId()), input.settings()));
    }

    @MutationMapping
    Payload updateIdentityProvider(@Argument UpdateInput input) {
        return Payload.of(
                providers.update(ActorAuthentication.current(), input.id().value(), input.changes()));
    }

    @MutationMapping
    Payload rotateIdentityProviderKeys(@Argument RotateInput input) {
        return Payload.of(
                providers.rotateKeys(ActorAuthentication.current(), input.id().value(), input.jwkSetUri()));
    }

    @MutationMapping
    Payload disableIdentityProvider(@Argument IdInput input) {
        return Payload.of(providers.setStatus(
                ActorAuthentication.current(), input.id().value(), IdentityProvider.Status.DISABLED));
    }

    @MutationMapping
    Payload enableIdentityProvider(@Argument IdInput input) {
        return Payload.of(
                providers.setStatus(ActorAuthentication.current(), input.id().value(), IdentityProvider.Status.ACTIVE));
    }

    record RegisterInput(
            @Nullable TenantId tenantId,
            String displayName,
            String issuer,
            @Nullable String jwkSetUri,
            String audience,
            @Nullable ClaimMappingsInput claimMappings,
            @Nullable List<RoleMapping> roleMappings,
            SignInPolicies.@Nullable Input signInPolicy) {

        IdentityProviderService.Settings settings() {
            return new IdentityProviderService.Settings(
                    displayName, issuer, jwkSetUri, audience, claimMappings, roleMappings, signInPolicy);
        }
    }

    /** Omitted fields stay, null clears an optional one ({@link ProviderChanges}). */
    record UpdateInput(
            IdentityProviderId id,
            ArgumentValue<String> displayName,
            ArgumentValue<String> jwkSetUri,
            ArgumentValue<String> audience,
            ArgumentValue<ClaimMappingsInput> claimMappings,
            ArgumentValue<List<RoleMapping>> roleMappings,
            ArgumentValue<SignInPolicies.Input> signInPolicy) {

        ProviderChanges changes() {
            return new ProviderChanges(
                    Change.of(displayName),
                    Change.of(jwkSetUri),
                    Change.of(audience),
                    Change.of(claimMappings),
                    Change.of(roleMappings),
                    Change.of(signInPolicy));
        }
    }

    record RotateInput(IdentityProviderId id, @Nullable String jwkSetUri) {}

    record IdInput(IdentityProviderId id) {}

    /** Every identity-provider mutation answers with this shape. */
    record Payload(IdentityProvider identityProvider, List<UserError> userErrors) {

        static Payload of(IdentityProvider provider) {
            return new Payload(provider, List.of());
        }
    }
}
