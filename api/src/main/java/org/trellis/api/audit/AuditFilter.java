package org.trellis.api.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Which audit events to list; every condition given must hold. */
public record AuditFilter(
        @Nullable String action,
        @Nullable String targetType,
        @Nullable String targetRef,
        @Nullable String actorRef,
        @Nullable Instant from,
        @Nullable Instant to) {}
