package org.trellis.api.shared;

import java.util.UUID;

/** Looks up one kind of {@code Node} by id for {@code node(id:)}; throws NotFound when the caller may not see it. */
public interface NodeResolver {

    /** The GraphQL type name encoded in the global id. */
    String type();

    Object resolve(Actor actor, UUID id);
}
