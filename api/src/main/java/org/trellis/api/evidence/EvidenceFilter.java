package org.trellis.api.evidence;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Which of a person's evidence to list; every condition given must hold. */
record EvidenceFilter(
        @Nullable UUID competencyId,
        Evidence.@Nullable Kind kind,
        Evidence.@Nullable Status status,
        @Nullable LocalDate from,
        @Nullable LocalDate to) {}
