package org.trellis.api.readiness;

import static org.trellis.persistence.jooq.Tables.FRAMEWORK_VERSION;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.trellis.api.frameworks.FrameworkVersion;
import org.trellis.api.readiness.ReadinessEngine.Policy;

/** The readiness policy columns of framework versions. */
@Repository
class VersionPolicies {

    private final DSLContext db;

    VersionPolicies(DSLContext db) {
        this.db = db;
    }

    Map<UUID, Policy> of(Collection<UUID> versionIds) {
        Map<UUID, Policy> result = new HashMap<>();
        db.select(
                        FRAMEWORK_VERSION.ID,
                        FRAMEWORK_VERSION.READINESS_MIN_MET_PERCENT,
                        FRAMEWORK_VERSION.READINESS_NEARLY_PERCENT,
                        FRAMEWORK_VERSION.READINESS_SUSTAIN_MONTHS)
                .from(FRAMEWORK_VERSION)
                .where(FRAMEWORK_VERSION.ID.in(versionIds))
                .forEach(row -> result.put(row.value1(), new Policy(row.value2(), row.value3(), row.value4())));
        return result;
    }

    /** Sets a draft's policy; false when the version is not a draft (published versions are immutable). */
    boolean setOnDraft(UUID versionId, Policy policy) {
        return db.update(FRAMEWORK_VERSION)
                        .set(FRAMEWORK_VERSION.READINESS_MIN_MET_PERCENT, policy.minMetPercent())
                        .set(FRAMEWORK_VERSION.READINESS_NEARLY_PERCENT, policy.nearlyPercent())
                        .set(FRAMEWORK_VERSION.READINESS_SUSTAIN_MONTHS, policy.sustainMonths())
                        .where(FRAMEWORK_VERSION.ID.eq(versionId))
                        .and(FRAMEWORK_VERSION.STATUS.eq(FrameworkVersion.Status.DRAFT.name()))
                        .execute()
                > 0;
    }
}
