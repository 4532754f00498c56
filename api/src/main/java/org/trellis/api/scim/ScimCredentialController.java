package org.trellis.api.scim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.Ids;
import org.trellis.api.tenancy.IdentityProvider;
import org.trellis.api.tenancy.IdentityProviderService;
import org.trellis.graphql.UserError;

/** GraphQL: tenant admins manage SCIM credentials. */
@Controller
class ScimCredentialController {

    private final ScimCredentialService credentials;
    private final IdentityProviderService identityProviders;

    ScimCredentialController(ScimCredentialService credentials, IdentityProviderService identityProviders) {
        this.credentials = credentials;
        this.identityProviders = identityProviders;
    }

    @BatchMapping(typeName = "ScimCredential", field = "identityProvider")
    Map<ScimCredential, @Nullable IdentityProvider> identityProvider(List<ScimCredential> bound) {
        Map<UUID, IdentityProvider> found = identityProviders
                .getAll(
                        ActorAuthentication.current(),
                        bound.stream()
                                .map(ScimCredential::identityProviderId)
                                .filter(Objects::nonNull)
                                .distinct()
                                .toList())
                .stream()
                .collect(Collectors.toMap(IdentityProvider::id, Function.identity()));
        Map<ScimCredential, @Nullable IdentityProvider> result = new HashMap<>();
        bound.forEach(c -> result.put(c, c.identityProviderId() == null ? null : found.get(c.identityProviderId())));
        return result;
    }

    @QueryMapping
    List<ScimCredential> scimCredentials() {
        return credentials.list(ActorAuthentication.current());
    }

    @MutationMapping
    IssuedPayload createScimCredential(@Argument CreateInput input) {
        var issued = credentials.create(
                ActorAuthentication.current(),
                input.name(),
                Ids.decodeOptional(input.identityProviderId(), "IdentityProvider"));
        return new IssuedPayload(issued.credential(), issued.secret(), List.of());
    }

    @MutationMapping
    IssuedPayload rotateScimCredential(@Argument IdInput input) {
        var issued = credentials.rotate(ActorAuthentication.current(), Ids.decode(input.id(), "ScimCredential"));
        return new IssuedPayload(issued.credential(), issued.secret(), List.of());
    }

    @MutationMapping
    RevokedPayload revokeScimCredential(@Argument IdInput input) {
        return new RevokedPayload(
                credentials.revoke(ActorAuthentication.current(), Ids.decode(input.id(), "ScimCredential")), List.of());
    }

    record CreateInput(String name, @Nullable String identityProviderId) {}

    record IdInput(String id) {}

    record IssuedPayload(ScimCredential scimCredential, String secret, List<UserError> userErrors) {}

    record RevokedPayload(ScimCredential scimCredential, List<UserError> userErrors) {}
}
