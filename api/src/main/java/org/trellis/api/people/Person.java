package org.trellis.api.people;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trellis.api.shared.Role;

/** A person of a tenant, as the schema's {@code Person}. */
public record Person(
        UUID id,
        UUID tenantId,
        String displayName,
        @Nullable String email,
        Set<Role> roles,
        PersonStatus status,
        Instant createdAt) {}
