package org.trellis.api.tenancy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.NodeResolver;
import org.trellis.graphql.UserError;

/** GraphQL: tenants. */
@Controller
class TenantController implements NodeResolver {

    private final TenantService tenants;

    TenantController(TenantService tenants) {
        this.tenants = tenants;
    }

    @QueryMapping
    @Nullable
    Tenant tenant() {
        Actor actor = ActorAuthentication.current();
        return actor.isPlatformOperator() ? null : tenants.own(actor);
    }

    @QueryMapping
    Window<Tenant> tenants(ScrollSubrange subrange) {
        return tenants.list(ActorAuthentication.current(), subrange);
    }

    @SchemaMapping(typeName = "Viewer", field = "tenant")
    @Nullable
    Tenant viewerTenant(Actor viewer) {
        return viewer.tenantId() == null ? null : tenants.get(viewer, viewer.tenantId());
    }

    @BatchMapping(typeName = "IdentityProvider", field = "tenant")
    Map<IdentityProvider, Tenant> providerTenant(List<IdentityProvider> providers) {
        Map<UUID, Tenant> found = tenants
                .getAll(
                        ActorAuthentication.current(),
                        providers.stream().map(IdentityProvider::tenantId).toList())
                .stream()
                .collect(Collectors.toMap(Tenant::id, Function.identity()));
        return providers.stream().collect(Collectors.toMap(Function.identity(), p -> found.get(p.tenantId())));
    }

    @MutationMapping
    CreateTenantPayload createTenant(@Argument CreateTenantInput input) {
        return new CreateTenantPayload(
                tenants.create(ActorAuthentication.current(), input.slug(), input.name()), List.of());
    }

    @Override
    public String type() {
        return "Tenant";
    }

    @Override
    public Object resolve(Actor actor, UUID id) {
        return tenants.get(actor, id);
    }

    record CreateTenantInput(String slug, String name) {}

    record CreateTenantPayload(Tenant tenant, List<UserError> userErrors) {}
}
