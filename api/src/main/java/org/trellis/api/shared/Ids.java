package org.trellis.api.shared;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trellis.graphql.GlobalId;

/** Decodes global ids from input; a malformed or foreign id is simply not found. */
public final class Ids {

    private Ids() {}

    public static UUID decode(String globalId, String type) {
        return GlobalId.decode(globalId, type).orElseThrow(() -> new NotFoundException(type));
    }

    public static @Nullable UUID decodeOptional(@Nullable String globalId, String type) {
        return globalId == null ? null : decode(globalId, type);
    }
}
