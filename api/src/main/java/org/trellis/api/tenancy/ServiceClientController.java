package org.trellis.api.tenancy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.BatchJoins;
import org.trellis.api.shared.Ids.IdentityProviderId;
import org.trellis.api.shared.Ids.ServiceClientId;
import org.trellis.graphql.UserError;

/** GraphQL: service clients of identity providers. */
@Controller
class ServiceClientController {

    private final ServiceClientService clients;

    ServiceClientController(ServiceClientService clients) {
        this.clients = clients;
    }

    @BatchMapping(typeName = "IdentityProvider", field = "serviceClients")
    Map<IdentityProvider, List<ServiceClient>> serviceClients(List<IdentityProvider> providers) {
        Map<UUID, List<ServiceClient>> byProvider = clients.byProvider(ActorAuthentication.current(), providers);
        return BatchJoins.toMany(providers, IdentityProvider::id, ids -> byProvider);
    }

    @MutationMapping
    Payload registerServiceClient(@Argument RegisterInput input) {
        return new Payload(
                clients.register(
                        ActorAuthentication.current(),
                        input.identityProviderId().value(),
                        input.subject(),
                        input.name(),
                        input.scopes()),
                List.of());
    }

    @MutationMapping
    Payload disableServiceClient(@Argument IdInput input) {
        return new Payload(
                clients.disable(ActorAuthentication.current(), input.id().value()), List.of());
    }

    record RegisterInput(IdentityProviderId identityProviderId, String subject, String name, List<String> scopes) {}

    record IdInput(ServiceClientId id) {}

    record Payload(ServiceClient serviceClient, List<UserError> userErrors) {}
}
