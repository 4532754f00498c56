/** People of a tenant, provisioned just in time from their identity provider's tokens. */
@NullMarked
package org.trellis.api.people;

import org.jspecify.annotations.NullMarked;
