package org.trellis.api.people;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A team, possibly inside a parent team, as the schema's {@code Team}. */
public record Team(
        UUID id,
        UUID tenantId,
        String name,
        @Nullable UUID parentId,
        @Nullable String externalId,
        Instant createdAt) {

    /** How a person belongs to a team. */
    public enum Role {
        MEMBER,
        MANAGER
    }
}
