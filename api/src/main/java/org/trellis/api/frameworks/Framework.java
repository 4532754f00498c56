package org.trellis.api.frameworks;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A career framework (e.g. "Software Engineering"), as the schema's {@code Framework}. */
public record Framework(UUID id, String name, @Nullable String description, Instant createdAt) {}
