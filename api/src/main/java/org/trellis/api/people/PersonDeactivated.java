package org.trellis.api.people;

import java.util.UUID;
import org.trellis.api.shared.Actor;

/**
 * Published inside the transaction that deactivates a person (GraphQL or SCIM), so other modules can end what the
 * person took part in, in the same transaction.
 *
 * @param actor who deactivated them
 * @param personId whom
 */
public record PersonDeactivated(Actor actor, UUID personId) {}
