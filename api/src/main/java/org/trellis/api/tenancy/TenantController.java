package org.trellis.api.tenancy;

import graphql.execution.DataFetcherResult;
import java.util.List;
import java.util.Map;
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
import org.trellis.api.shared.BatchJoins;
import org.trellis.graphql.UserError;

/** GraphQL: tenants. */
@Controller
class TenantController {

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
    DataFetcherResult<Window<Tenant>> tenants(ScrollSubrange subrange) {
        return tenants.list(ActorAuthentication.current(), subrange);
    }

    @SchemaMapping(typeName = "Viewer", field = "tenant")
    @Nullable
    Tenant viewerTenant(Actor viewer) {
        return viewer.tenantId() == null ? null : tenants.get(viewer, viewer.tenantId());
    }

    @BatchMapping(typeName = "IdentityProvider", field = "tenant")
    Map<IdentityProvider, @Nullable Tenant> providerTenant(List<IdentityProvider> providers) {
        return BatchJoins.toOne(
                providers,
                IdentityProvider::tenantId,
                ids -> tenants.getAll(ActorAuthentication.current(), ids),
                Tenant::id);
    }

    @MutationMapping
    CreateTenantPayload createTenant(@Argument CreateTenantInput input) {
        return new CreateTenantPayload(
                tenants.create(ActorAuthentication.current(), input.slug(), input.name()), List.of());
    }

    record CreateTenantInput(String slug, String name) {}

    record CreateTenantPayload(Tenant tenant, List<UserError> userErrors) {}
}
