package org.trellis.api.people;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.trellis.api.shared.Ids.PersonId;
import org.trellis.api.shared.Role;

/**
 * A person's fields as given by a caller (GraphQL or SCIM). Null means "not given"; an empty text clears an
 * optional field. GraphQL's {@code CreatePersonInput} binds to it directly.
 */
public record PersonInput(
        @Nullable String displayName,
        @Nullable String email,
        @Nullable String title,
        @Nullable String timeZone,
        @Nullable String userName,
        @Nullable String externalId,
        @Nullable List<Role> roles,
        @Nullable PersonId managerId) {}
