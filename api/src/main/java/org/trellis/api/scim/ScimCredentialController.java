package org.trellis.api.scim;

import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.Ids;
import org.trellis.graphql.UserError;

/** GraphQL: tenant admins manage SCIM credentials. */
@Controller
class ScimCredentialController {

    private final ScimCredentialService credentials;

    ScimCredentialController(ScimCredentialService credentials) {
        this.credentials = credentials;
    }

    @QueryMapping
    List<ScimCredential> scimCredentials() {
        return credentials.list(ActorAuthentication.current());
    }

    @MutationMapping
    IssuedPayload createScimCredential(@Argument NameInput input) {
        var issued = credentials.create(ActorAuthentication.current(), input.name());
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

    record NameInput(String name) {}

    record IdInput(String id) {}

    record IssuedPayload(ScimCredential scimCredential, String secret, List<UserError> userErrors) {}

    record RevokedPayload(ScimCredential scimCredential, List<UserError> userErrors) {}
}
