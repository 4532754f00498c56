/** Cross-cutting web plumbing: security chain, GraphQL wiring, error mapping, correlation, database scope. */
@NullMarked
package org.trellis.api.system;

import org.jspecify.annotations.NullMarked;
