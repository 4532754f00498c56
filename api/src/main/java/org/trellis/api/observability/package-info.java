/** What operators see: bounded GraphQL operation names in logs and metrics, query cost and SCIM request metrics. */
@NullMarked
package org.trellis.api.observability;

import org.jspecify.annotations.NullMarked;
