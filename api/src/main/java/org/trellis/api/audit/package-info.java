/** The append-only audit trail written in the same transaction as every change. */
@NullMarked
package org.trellis.api.audit;

import org.jspecify.annotations.NullMarked;
