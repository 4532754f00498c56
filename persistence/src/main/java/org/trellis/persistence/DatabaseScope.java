package org.trellis.persistence;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Whose rows a transaction may touch. Row-level security policies read it from transaction-local settings: a
 * tenant's rows, the platform-managed registry rows (platform operators only), or nothing at all.
 */
public record DatabaseScope(@Nullable UUID tenantId, boolean platformOperator) {

    public static final DatabaseScope NONE = new DatabaseScope(null, false);
    public static final DatabaseScope PLATFORM = new DatabaseScope(null, true);

    public static DatabaseScope tenant(UUID tenantId) {
        return new DatabaseScope(tenantId, false);
    }
}
