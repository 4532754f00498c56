package org.trellis.api.tenancy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.Ids;
import org.trellis.api.shared.NodeResolver;
import org.trellis.graphql.UserError;

/** GraphQL: service clients of identity providers. */
@Controller
class ServiceClientController implements NodeResolver {

    private final ServiceClientService clients;

    ServiceClientController(ServiceClientService clients) {
        this.clients = clients;
    }

    @BatchMapping(typeName = "IdentityProvider", field = "serviceClients")
    Map<IdentityProvider, List<ServiceClient>> serviceClients(List<IdentityProvider> providers) {
        Map<UUID, List<ServiceClient>> byProvider = clients.byProvider(ActorAuthentication.current(), providers);
        return providers.stream().collect(Collectors.toMap(Function.identity(), p -> byProvider.get(p.id())));
    }

    @MutationMapping
    Payload registerServiceClient(@Argument RegisterInput input) {
        return new Payload(
                clients.register(
                        ActorAuthentication.current(),
                        Ids.decode(input.identityProviderId(), "IdentityProvider"),
                        input.subject(),
                        input.name(),
                        input.scopes()),
                List.of());
    }

    @MutationMapping
    Payload disableServiceClient(@Argument IdInput input) {
        return new Payload(
                clients.disable(ActorAuthentication.current(), Ids.decode(input.id(), "ServiceClient")), List.of());
    }

    @Override
    public String type() {
        return "ServiceClient";
    }

    @Override
    public Object resolve(Actor actor, UUID id) {
        return clients.get(actor, id);
    }

    record RegisterInput(String identityProviderId, String subject, String name, List<String> scopes) {}

    record IdInput(String id) {}

    record Payload(ServiceClient serviceClient, List<UserError> userErrors) {}
}
