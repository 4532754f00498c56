package org.trellis.api.privacy;

import org.jspecify.annotations.Nullable;

/**
 * How long a tenant keeps evidence (counted from the day the work happened) and audit entries (from when they were
 * recorded), in days; null keeps them for ever.
 */
record RetentionPolicy(
        @Nullable Integer evidenceDays, @Nullable Integer auditDays) {

    static final RetentionPolicy FOREVER = new RetentionPolicy(null, null);

    /** The shortest period a tenant may set: a month, so a mistake cannot wipe recent history. */
    static final int MIN_DAYS = 30;

    /** The longest period short of for ever: a hundred years. */
    static final int MAX_DAYS = 36500;
}
