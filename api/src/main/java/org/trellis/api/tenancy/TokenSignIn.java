package org.trellis.api.tenancy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.people.Person;
import org.trellis.api.people.PersonProvisioning;
import org.trellis.api.people.PersonStatus;
import org.trellis.api.people.SignIn;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorKind;
import org.trellis.api.shared.Role;
import org.trellis.api.shared.SignInRefusedException;

/**
 * Turns a verified token of a tenant's identity provider into an {@link Actor}: a registered service client, or a
 * person provisioned just in time. Runs in the registration's tenant scope, in one transaction.
 */
@Service
class TokenSignIn {

    private static final int MAX_SUBJECT = 500;

    private final ServiceClients serviceClients;
    private final PersonProvisioning provisioning;

    TokenSignIn(ServiceClients serviceClients, PersonProvisioning provisioning) {
        this.serviceClients = serviceClients;
        this.provisioning = provisioning;
    }

    @Transactional
    public Actor signIn(IssuerRegistration registration, Jwt jwt) {
        ClaimMappings claims = registration.claimMappings();
        String subject = Claims.text(jwt, claims.subject(), MAX_SUBJECT);
        if (subject == null) {
            throw new InvalidBearerTokenException("The token has no usable subject.");
        }
        var client = serviceClients.findBySubject(registration.identityProviderId(), subject);
        if (client.isPresent()) {
            if (client.get().status() != IdentityProvider.Status.ACTIVE) {
                throw new InvalidBearerTokenException("The service client is disabled.");
            }
            Set<String> scopes = Claims.scopes(jwt).stream()
                    .filter(client.get().scopes()::contains)
                    .collect(Collectors.toSet());
            return new Actor(
                    ActorKind.SERVICE_CLIENT,
                    registration.tenantId(),
                    null,
                    client.get().id(),
                    subject,
                    Set.of(),
                    scopes);
        }
        SignInPolicy policy = registration.signInPolicy();
        if (policy.isMachineToken(jwt)) {
            throw new SignInRefusedException(
                    "This is an unregistered service client: a tenant admin must register it before it can call Trellis.");
        }
        Person person = provisioning
                .signIn(new SignIn(
                        registration.tenantId(),
                        registration.identityProviderId(),
                        subject,
                        email(jwt, claims.email()),
                        Boolean.TRUE.equals(Claims.value(jwt, "email_verified")),
                        Claims.text(jwt, claims.name(), 200),
                        mappedRoles(registration.roleMappings(), Claims.values(jwt, claims.roles())),
                        policy.trustEmailForLinking(),
                        policy.justInTimeProvisioning()))
                .orElseThrow(() -> new SignInRefusedException(
                        "No Trellis account is provisioned for this sign-in, and this identity provider does not"
                                + " create accounts on first sign-in: ask a tenant admin to provision you."));
        if (person.status() != PersonStatus.ACTIVE) {
            throw new InvalidBearerTokenException("The account is deactivated.");
        }
        return new Actor(
                ActorKind.PERSON, registration.tenantId(), person.id(), null, subject, person.roles(), Set.of());
    }

    private static @Nullable String email(Jwt jwt, String claim) {
        String email = Claims.text(jwt, claim, 320);
        return email != null && email.indexOf('@') > 0 ? email : null;
    }

    private static Set<Role> mappedRoles(List<RoleMapping> mappings, List<String> values) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        mappings.stream()
                .filter(mapping -> values.contains(mapping.claimValue()))
                .map(RoleMapping::role)
                .filter(Role::grantableByTenant)
                .forEach(roles::add);
        return roles;
    }
}
