package org.trellis.api.tenancy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.ArgumentValue;
import org.trellis.api.shared.Change;
import org.trellis.api.shared.Validation;
import org.trellis.graphql.UserError.Code;

/** Validation of a provider's sign-in policy as given by a caller. */
final class SignInPolicies {

    private static final int MAX_RULES = 20;

    private SignInPolicies() {}

    /**
     * The policy with the given fields over the current ones: omitted fields keep theirs. Given as null, the flags are
     * REQUIRED and the rules are cleared (none) when updating; when {@code creating}, null is the same as omitted.
     */
    static SignInPolicy validate(Validation validation, @Nullable Input input, SignInPolicy current, boolean creating) {
        if (input == null) {
            return current;
        }
        Boolean provisioning = validation.required(
                change(input.justInTimeProvisioning(), creating),
                current.justInTimeProvisioning(),
                "input",
                "signInPolicy",
                "justInTimeProvisioning");
        Boolean trustEmail = validation.required(
                change(input.trustEmailForLinking(), creating),
                current.trustEmailForLinking(),
                "input",
                "signInPolicy",
                "trustEmailForLinking");
        Change<List<MachineTokenRule>> rules = change(input.machineTokenRules(), creating);
        return new SignInPolicy(
                provisioning == null ? current.justInTimeProvisioning() : provisioning,
                trustEmail == null ? current.trustEmailForLinking() : trustEmail,
                rules.given()
                        ? rules(validation, Objects.requireNonNullElse(rules.value(), List.of()))
                        : current.machineTokenRules());
    }

    private static <T> Change<T> change(ArgumentValue<T> given, boolean creating) {
        return creating ? Change.unlessNull(given.value()) : Change.of(given);
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

    /** GraphQL's {@code SignInPolicyInput}: omitted fields keep their values (see {@link #validate}). */
    record Input(
            ArgumentValue<Boolean> justInTimeProvisioning,
            ArgumentValue<Boolean> trustEmailForLinking,
            ArgumentValue<List<MachineTokenRule>> machineTokenRules) {}
}
