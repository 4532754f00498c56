package org.trellis.api.people;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.trellis.api.shared.Ids.PersonId;
import org.trellis.api.shared.Role;

/**
 * A new person's fields as given by a caller (GraphQL's {@code CreatePersonInput} binds to it directly; SCIM builds
 * it). Null or empty text means "none". Changes go through {@link PersonUpdate}, SCIM's by
 * {@link PersonUpdate#replacing}.
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
