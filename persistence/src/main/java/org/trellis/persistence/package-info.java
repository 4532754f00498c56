/** The database as Java: generated jOOQ classes, tenant-scoped transactions and database provisioning. */
@NullMarked
package org.trellis.persistence;

import org.jspecify.annotations.NullMarked;
