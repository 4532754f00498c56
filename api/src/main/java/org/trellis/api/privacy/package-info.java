/** Personal data rights (export and erasure of one person's data) and per-tenant retention of evidence and audit. */
@NullMarked
package org.trellis.api.privacy;

import org.jspecify.annotations.NullMarked;
