/** Secrets Trellis keeps (webhook signing secrets), encrypted at rest under a key from configuration. */
@NullMarked
package org.trellis.api.secrets;

import org.jspecify.annotations.NullMarked;
