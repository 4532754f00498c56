/**
 * Housekeeping: one scheduled, cluster-safe job that runs every {@link org.trellis.api.shared.TenantPurge} for every
 * tenant in bounded batches, and the retention settings the purges read.
 */
@NullMarked
package org.trellis.api.housekeeping;

import org.jspecify.annotations.NullMarked;
