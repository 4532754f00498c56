/** The local profile only: database bootstrap, a development token issuer and demo data. */
@NullMarked
package org.trellis.api.local;

import org.jspecify.annotations.NullMarked;
