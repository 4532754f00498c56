package org.trellis.api.frameworks;

import java.util.UUID;

/** A competency of a framework version, with a key stable across versions, as the schema's {@code Competency}. */
public record Competency(
        UUID id, UUID versionId, int position, String key, String theme, String name, String description) {}
