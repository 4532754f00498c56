/** SCIM 2.0 provisioning (RFC 7643/7644) of people and teams, authenticated by per-tenant SCIM credentials. */
@NullMarked
package org.trellis.api.scim;

import org.jspecify.annotations.NullMarked;
