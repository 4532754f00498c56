package org.trellis.api.shared;

import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Looks up one kind of {@code Node} by id for {@code node(id:)}, through a service's visibility-checked lookup (which
 * throws NotFound when the caller may not see it). Every feature declares its resolvers with {@link #of}.
 */
public record NodeResolver(String type, BiFunction<Actor, UUID, Object> lookup) {

    public static NodeResolver of(String type, BiFunction<Actor, UUID, ?> lookup) {
        return new NodeResolver(type, lookup::apply);
    }

    public Object resolve(Actor actor, UUID id) {
        return lookup.apply(actor, id);
    }
}
