/** The evidence log: items, the review workflow, idempotent and versioned writes. */
@NullMarked
package org.trellis.api.evidence;

import org.jspecify.annotations.NullMarked;
