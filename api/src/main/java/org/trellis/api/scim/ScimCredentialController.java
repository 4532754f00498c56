package org.trellis.api.scim;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.BatchJoins;
import org.trellis.api.shared.Ids;
import org.trellis.api.shared.Ids.IdentityProviderId;
import org.trellis.api.shared.Ids.ScimCredentialId;
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
        return BatchJoins.toOne(
                bound,
                ScimCredential::identityProviderId,
                ids -> identityProviders.getAll(ActorAuthentication.current(), ids),
                IdentityProvider::id);
    }

    @QueryMapping
    List<ScimCredential> scimCredentials() {
        return credentials.list(ActorAuthentication.current());
    }

    @MutationMapping
    IssuedPayload createScimCredential(@Argument CreateInput input) {
        var issued = credentials.create(
                ActorAuthentication.current(), input.name(), Ids.valueOf(input.identityProviderId()));
        return new IssuedPayload(issued.credential(), issued.secret(), List.of());
    }

    @MutationMapping
    IssuedPayload rotateScimCredential(@Argument IdInput input) {
        var issued =
                credentials.rotate(ActorAuthentication.current(), input.id().value());
        return new IssuedPayload(issued.credential(), issued.secret(), List.of());
    }

    @MutationMapping
    RevokedPayload revokeScimCredential(@Argument IdInput input) {
        return new RevokedPayload(
                credentials.revoke(ActorAuthentication.current(), input.id().value()), List.of());
    }

    record CreateInput(String name, @Nullable IdentityProviderId identityProviderId) {}

    record IdInput(ScimCredentialId id) {}

    record IssuedPayload(ScimCredential scimCredential, String secret, List<UserError> userErrors) {}

    record RevokedPayload(ScimCredential scimCredential, List<UserError> userErrors) {}
}
