package org.trellis.api.people;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.trellis.api.shared.Role;

/** The editable, validated fields of a person. */
record Profile(
        String displayName,
        @Nullable String email,
        @Nullable String title,
        @Nullable String timeZone,
        @Nullable String userName,
        @Nullable String externalId,
        Set<Role> roles) {}
