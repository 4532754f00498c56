/**
 * Calls Trellis makes to URLs that tenants control: each connection goes only to an address vetted after name
 * resolution, without redirects, within size and time limits.
 */
@NullMarked
package org.trellis.api.outbound;

import org.jspecify.annotations.NullMarked;
