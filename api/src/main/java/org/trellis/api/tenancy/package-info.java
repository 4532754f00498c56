/** Tenants, their identity providers and service clients, and multi-issuer token authentication. */
@NullMarked
package org.trellis.api.tenancy;

import org.jspecify.annotations.NullMarked;
