package org.trellis.api.shared;

import java.util.UUID;
import java.util.function.BiFunction;

/** Looks up one kind of {@code Node} by id for {@code node(id:)}; throws NotFound when the caller may not see it. */
public interface NodeResolver {

    /** The GraphQL type name encoded in the global id. */
    String type();

    Object resolve(Actor actor, UUID id);

    /** A resolver for {@code type} that delegates to a service's visibility-checked lookup. */
    static NodeResolver of(String type, BiFunction<Actor, UUID, Object> lookup) {
        return new NodeResolver() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public Object resolve(Actor actor, UUID id) {
                return lookup.apply(actor, id);
            }
        };
    }
}
