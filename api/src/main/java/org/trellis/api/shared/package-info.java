/** Who is calling and what can go wrong: actors, roles, scopes, domain errors, the caller's database scope. */
@NullMarked
package org.trellis.api.shared;

import org.jspecify.annotations.NullMarked;
