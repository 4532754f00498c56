package org.trellis.api.tenancy;

import java.util.List;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * How a provider's tokens become Trellis people.
 *
 * @param justInTimeProvisioning whether a sign-in that matches nobody creates a person (else it is refused)
 * @param trustEmailForLinking whether a sign-in may claim an unlinked person by a verified email
 *     ({@code email_verified: true}); off by default, because an email claim is mutable and, at many providers,
 *     set by the user
 * @param machineTokenRules any one matching marks a token as a machine's: it signs in only as a registered service
 *     client, never as a person
 */
public record SignInPolicy(
        boolean justInTimeProvisioning, boolean trustEmailForLinking, List<MachineTokenRule> machineTokenRules) {

    /** The shapes of client-credentials tokens of Keycloak, Entra ID, Okta and Auth0. */
    static final List<MachineTokenRule> DEFAULT_MACHINE_RULES = List.of(
            new MachineTokenRule("client_id", null, null),
            new MachineTokenRule("clientId", null, null),
            new MachineTokenRule("idtyp", "app", null),
            new MachineTokenRule("cid", null, "sub"),
            new MachineTokenRule("gty", "client-credentials", null));

    static final SignInPolicy DEFAULTS = new SignInPolicy(true, false, DEFAULT_MACHINE_RULES);

    public SignInPolicy {
        machineTokenRules = List.copyOf(machineTokenRules);
    }

    boolean isMachineToken(Jwt jwt) {
        return machineTokenRules.stream().anyMatch(rule -> rule.matches(jwt));
    }
}
