package org.trellis.api.people;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Which people to list: all conditions given must hold. */
public record PeopleFilter(
        @Nullable UUID teamId,
        @Nullable UUID managerId,
        boolean includeIndirectReports,
        @Nullable PersonStatus status,
        @Nullable String search) {

    public static final PeopleFilter ALL = new PeopleFilter(null, null, false, null, null);
}
