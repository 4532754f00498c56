package org.trellis.api.privacy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How long a tenant keeps evidence (counted from the day the work happened) and audit entries (from when they were
 * recorded), in days; null keeps them for ever.
 */
record RetentionPolicy(
        @Nullable Integer evidenceDays, @Nullable Integer auditDays) {

    static final RetentionPolicy FOREVER = new RetentionPolicy(null, null);

    /** The shortest evidence period a tenant may set: a month, so a mistake cannot wipe recent history. */
    static final int MIN_DAYS = 30;

    /**
     * The shortest audit period a tenant may set, and the platform's floor whatever is stored (the database's audit
     * guard enforces it too): a year, so no admin can wipe the recent trail of their own actions.
     */
    static final int MIN_AUDIT_DAYS = 365;

    /** Audit entries never purged: the record of retention changes and erasures. */
    static final List<String> KEPT_AUDIT_ACTIONS = List.of("tenant.retention-set", "person.erased");

    /** The longest period short of for ever: a hundred years. */
    static final int MAX_DAYS = 36500;
}
