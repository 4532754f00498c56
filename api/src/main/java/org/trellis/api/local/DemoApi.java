package org.trellis.api.local;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.trellis.api.local.DemoPeople.DemoPerson;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.ActorKind;
import org.trellis.api.shared.Role;

/**
 * Runs GraphQL mutations in-process as a demo person, through the same controllers, services, rules, audit and events
 * as {@code /graphql}: the demo seed does what the admin and the managers would do in GraphiQL wherever the
 * application computes the result (the framework from the built-in template, assignments and the readiness snapshots
 * they take, a nomination with its frozen readiness). Only the token check is skipped: the actor is built here.
 */
@Component
@Profile("local")
class DemoApi {

    private final ExecutionGraphQlService graphQl;

    DemoApi(ExecutionGraphQlService graphQl) {
        this.graphQl = graphQl;
    }

    /**
     * Runs a mutation as the person and answers the payload of its one field; fails on any error or user error, so a
     * seed that no longer fits the rules stops the start with the reason.
     */
    Map<String, Object> mutate(DemoPerson person, String field, String document, Map<String, Object> variables) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ActorAuthentication(actor(person), "demo-seed"));
        SecurityContextHolder.setContext(context);
        try {
            ExecutionGraphQlResponse response = graphQl.execute(new DefaultExecutionGraphQlRequest(
                            document,
                            null,
                            Map.copyOf(variables),
                            null,
                            UUID.randomUUID().toString(),
                            Locale.ROOT))
                    .block();
            if (response == null || !response.getErrors().isEmpty()) {
                throw new IllegalStateException(
                        "Demo data: " + field + " failed: " + (response == null ? "no answer" : response.getErrors()));
            }
            Map<String, Map<String, Object>> data = response.getData();
            Map<String, Object> payload = data == null ? null : data.get(field);
            if (payload == null || (payload.get("userErrors") instanceof List<?> errors && !errors.isEmpty())) {
                throw new IllegalStateException("Demo data: " + field + " was refused: " + payload);
            }
            return payload;
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    /** The actor sign-in would make of the person's development token: granted roles and mapped groups. */
    static Actor actor(DemoPerson person) {
        Set<Role> roles = new LinkedHashSet<>(List.of(Role.ENGINEER));
        if (person.role() != null) {
            roles.add(Role.valueOf(person.role()));
        }
        return new Actor(ActorKind.PERSON, DemoData.TENANT_ID, person.id(), null, person.subject(), roles, Set.of());
    }
}
