package org.trellis.api.frameworks;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A level of a framework version (e.g. L4 Senior Engineer), as the schema's {@code Level}. */
public record Level(
        UUID id,
        UUID versionId,
        int position,
        String code,
        String title,
        @Nullable String jobLevel) {}
