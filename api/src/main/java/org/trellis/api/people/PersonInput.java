package org.trellis.api.people;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trellis.api.shared.Role;

/**
 * A person's fields as given by a caller (GraphQL or SCIM). Null means "not given"; an empty text clears an
 * optional field.
 */
public record PersonInput(
        @Nullable String displayName,
        @Nullable String email,
        @Nullable String title,
        @Nullable String timeZone,
        @Nullable String userName,
        @Nullable String externalId,
        @Nullable List<Role> roles,
        @Nullable UUID managerId) {}
