package org.trellis.api.people;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Whose details ({@code email}, {@code userName}, {@code timeZone}, {@code roles}) a caller may see: everyone's
 * ({@code all}: tenant admins, clients with {@code people:read}), or their own and their reports' ({@code self}).
 * One rule for showing details and for searching them, so a search never matches on a field the caller cannot read.
 */
record DetailScope(boolean all, @Nullable UUID self) {}
