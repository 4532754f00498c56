package org.trellis.api.people;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.trellis.api.shared.Change;
import org.trellis.api.shared.Role;

/**
 * Changes to a person's profile ({@link Change}): a field not given stays, null clears an optional one, and an empty
 * text is refused (INVALID). GraphQL's {@code UpdatePersonInput} gives these; {@link #replacing} adapts callers whose
 * rule is "absent keeps, empty clears" (SCIM, creation).
 */
public record PersonUpdate(
        Change<String> displayName,
        Change<String> email,
        Change<String> title,
        Change<String> timeZone,
        Change<String> userName,
        Change<String> externalId,
        Change<List<Role>> roles) {

    /** The fields of {@code input}: null keeps a field, an empty or blank text clears it. */
    public static PersonUpdate replacing(PersonInput input) {
        return new PersonUpdate(
                Change.unlessNull(input.displayName()),
                emptyClears(input.email()),
                emptyClears(input.title()),
                emptyClears(input.timeZone()),
                emptyClears(input.userName()),
                emptyClears(input.externalId()),
                Change.unlessNull(input.roles()));
    }

    private static Change<String> emptyClears(@Nullable String value) {
        return value != null && value.isBlank() ? Change.to(null) : Change.unlessNull(value);
    }
}
