/** GraphQL-generic runtime pieces: error classes, request limits, global ids, scalars, GET transport. */
@NullMarked
package org.trellis.graphql;

import org.jspecify.annotations.NullMarked;
