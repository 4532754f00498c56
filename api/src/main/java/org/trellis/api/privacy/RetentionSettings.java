package org.trellis.api.privacy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.InvalidInputException;
import org.trellis.graphql.UserError;
import org.trellis.graphql.UserError.Code;

/** Reads and sets the tenant's retention periods: tenant admins only; every change audited with both values. */
@Service
class RetentionSettings {

    private final RetentionPolicies policies;
    private final AuditTrail audit;

    RetentionSettings(RetentionPolicies policies, AuditTrail audit) {
        this.policies = policies;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    RetentionPolicy get(Actor actor) {
        PrivacyPolicy.requireAdmin(actor);
        return policies.current();
    }

    /**
     * Replaces both periods (null: keep for ever): evidence from {@link RetentionPolicy#MIN_DAYS}, audit from {@link
     * RetentionPolicy#MIN_AUDIT_DAYS}, to the maximum.
     */
    @Transactional
    RetentionPolicy set(Actor actor, RetentionPolicy policy) {
        UUID tenant = PrivacyPolicy.requireAdmin(actor);
        check(policy.evidenceDays(), RetentionPolicy.MIN_DAYS, "evidenceDays");
        check(policy.auditDays(), RetentionPolicy.MIN_AUDIT_DAYS, "auditDays");
        RetentionPolicy before = policies.current();
        RetentionPolicy after = policies.set(tenant, policy);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("before", days(before));
        summary.put("after", days(after));
        audit.record(actor, tenant, "tenant.retention-set", "Tenant", tenant, summary);
        return after;
    }

    private static void check(@Nullable Integer days, int min, String field) {
        if (days != null && (days < min || days > RetentionPolicy.MAX_DAYS)) {
            throw InvalidInputException.of(new UserError(
                    java.util.List.of("input", field),
                    "Between " + min + " and " + RetentionPolicy.MAX_DAYS + " days, or null to keep for ever.",
                    Code.INVALID));
        }
    }

    private static Map<String, String> days(RetentionPolicy policy) {
        return Map.of(
                "evidenceDays", String.valueOf(policy.evidenceDays()),
                "auditDays", String.valueOf(policy.auditDays()));
    }
}
