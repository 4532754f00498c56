package org.trellis.api.tenancy;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.trellis.api.shared.Validation;
import org.trellis.graphql.UserError.Code;

/** Validation of a provider's sign-in policy as given by a caller. */
final class SignInPolicies {

    private static final int MAX_RULES = 20;

    private SignInPolicies() {}

    /** The policy with the given fields over the current ones (null fields keep them). */
    static SignInPolicy validate(Validation validation, @Nullable Input input, SignInPolicy current) {
        if (input == null) {
            return current;
        }
        List<MachineTokenRule> rules = current.machineTokenRules();
        if (input.machineTokenRules() != null) {
            rules = rules(validation, input.machineTokenRules());
        }
        return new SignInPolicy(
                input.justInTimeProvisioning() == null
                        ? current.justInTimeProvisioning()
                        : input.justInTimeProvisioning(),
                input.trustEmailForLinking() == null ? current.trustEmailForLinking() : input.trustEmailForLinking(),
                rules);
    }

    private static List<MachineTokenRule> rules(Validation validation, List<MachineTokenRule> input) {
        if (input.size() > MAX_RULES) {
            validation.reject(Code.INVALID, "At most " + MAX_RULES + " machine-token rules.", "input", "signInPolicy");
            return List.of();
        }
        List<MachineTokenRule> valid = new ArrayList<>();
        for (MachineTokenRule rule : input) {
            boolean claimOk = rule.claim() != null && rule.claim().matches(ProviderMappings.CLAIM_NAME);
            boolean otherOk = rule.sameAsClaim() == null || rule.sameAsClaim().matches(ProviderMappings.CLAIM_NAME);
            String value = rule.value() == null
                    ? null
                    : validation.text(rule.value(), 200, "input", "signInPolicy", "machineTokenRules", "value");
            if (!claimOk || !otherOk) {
                validation.reject(
                        Code.INVALID,
                        "Claim names are 1 to 100 letters, digits and _ : / . -",
                        "input",
                        "signInPolicy",
                        "machineTokenRules");
            } else if (rule.value() != null && rule.sameAsClaim() != null) {
                validation.reject(
                        Code.INVALID,
                        "Give value or sameAsClaim, not both.",
                        "input",
                        "signInPolicy",
                        "machineTokenRules");
            } else {
                valid.add(new MachineTokenRule(rule.claim(), value, rule.sameAsClaim()));
            }
        }
        return valid;
    }

    /** A sign-in policy as given by a caller; null fields keep their current values. */
    record Input(
            @Nullable Boolean justInTimeProvisioning,
            @Nullable Boolean trustEmailForLinking,
            @Nullable List<MachineTokenRule> machineTokenRules) {}
}
