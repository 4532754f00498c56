package org.trellis.api.people;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorKind;
import org.trellis.api.shared.Role;

/**
 * Just-in-time provisioning. A sign-in is the person linked to its provider and subject. A first sign-in claims a
 * person only by a rule that cannot be forged from another account: SCIM provisioned the person for this very
 * provider with this subject, or the provider is trusted for email linking, the email is verified and exactly one
 * person with it has no sign-in account yet. Otherwise it creates a person, or is refused when the provider does not
 * provision just in time. Later sign-ins refresh the profile only of people sign-in created, and the roles the
 * provider's mappings give (never the roles admins granted). Must run in the sign-in's tenant scope.
 */
@Service
public class PersonProvisioning {

    private final People people;
    private final SignInMatches matches;
    private final ExternalAccounts accounts;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    PersonProvisioning(
            People people,
            SignInMatches matches,
            ExternalAccounts accounts,
            AuditTrail audit,
            ApplicationEventPublisher events) {
        this.people = people;
        this.matches = matches;
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
    }

    /** The signed-in person; empty when nobody matches and the provider does not provision just in time. */
    @Transactional
    public Optional<Person> signIn(SignIn signIn) {
        var linked = matches.findBySignIn(signIn.identityProviderId(), signIn.subject());
        if (linked.isPresent()) {
            return Optional.of(sync(linked.get(), signIn));
        }
        matches.lockSignIn(signIn.identityProviderId(), signIn.subject());
        linked = matches.findBySignIn(signIn.identityProviderId(), signIn.subject());
        if (linked.isPresent()) {
            return Optional.of(sync(linked.get(), signIn)); // a concurrent first sign-in linked it meanwhile
        }
        var provisioned = matches.findProvisionedFor(signIn.identityProviderId(), signIn.subject());
        if (provisioned.isPresent()) {
            return Optional.of(claim(provisioned.get(), signIn, "provisioned-subject"));
        }
        if (signIn.linkByVerifiedEmail() && signIn.emailVerified() && signIn.email() != null) {
            List<Person> sameEmail = matches.findUnlinkedByEmail(signIn.email());
            if (sameEmail.size() == 1) {
                return Optional.of(claim(sameEmail.getFirst(), signIn, "verified-email"));
            }
        }
        if (!signIn.provisionJustInTime()) {
            return Optional.empty();
        }
        return Optional.of(create(signIn));
    }

    private Person claim(Person person, SignIn signIn, String rule) {
        link(person, signIn);
        audit.record(
                actor(person, signIn),
                signIn.tenantId(),
                "person.sign-in-linked",
                "Person",
                person.id(),
                Map.of("identityProviderId", signIn.identityProviderId(), "subject", signIn.subject(), "rule", rule));
        return sync(person, signIn);
    }

    private Person create(SignIn signIn) {
        Person person = people.insert(
                signIn.tenantId(),
                new Profile(displayName(signIn), signIn.email(), null, null, null, null, EnumSet.of(Role.ENGINEER)),
                ProfileSource.SIGN_IN);
        link(person, signIn);
        person = syncRoles(person, signIn);
        audit.record(
                actor(person, signIn),
                signIn.tenantId(),
                "person.provisioned",
                "Person",
                person.id(),
                Map.of(
                        "roles",
                        person.roles(),
                        "source",
                        "sign-in",
                        "identityProviderId",
                        signIn.identityProviderId(),
                        "subject",
                        signIn.subject()));
        events.publishEvent(PersonEvents.provisioned(signIn.tenantId(), person.id(), ProfileSource.SIGN_IN));
        return person;
    }

    private void link(Person person, SignIn signIn) {
        accounts.insert(
                signIn.tenantId(),
                person.id(),
                ExternalAccount.Provider.IDENTITY_PROVIDER,
                signIn.identityProviderId(),
                signIn.subject());
    }

    private Person sync(Person person, SignIn signIn) {
        if (person.status() != PersonStatus.ACTIVE) {
            return person;
        }
        Person current = person;
        if (person.profileSource() == ProfileSource.SIGN_IN) {
            String email = signIn.email() == null ? person.email() : signIn.email();
            String name = signIn.displayName() == null ? person.displayName() : signIn.displayName();
            if (!Objects.equals(email, person.email()) || !name.equals(person.displayName())) {
                current = people.update(
                        person.id(),
                        new Profile(
                                name,
                                email,
                                person.title(),
                                person.timeZone(),
                                person.userName(),
                                person.externalId(),
                                Objects.requireNonNull(person.grantedRoles())));
            }
        }
        return syncRoles(current, signIn);
    }

    private Person syncRoles(Person person, SignIn signIn) {
        Set<Role> before = Objects.requireNonNull(person.identityProviderRoles());
        if (before.equals(signIn.mappedRoles())) {
            return person;
        }
        Person updated = matches.setIdentityProviderRoles(person.id(), signIn.mappedRoles());
        audit.record(
                actor(updated, signIn),
                signIn.tenantId(),
                "person.roles-synced",
                "Person",
                person.id(),
                Map.of("source", "identity-provider", "before", before, "after", signIn.mappedRoles()));
        return updated;
    }

    private static String displayName(SignIn signIn) {
        if (signIn.displayName() != null) {
            return signIn.displayName();
        }
        return signIn.email() != null ? signIn.email() : signIn.subject();
    }

    private static Actor actor(Person person, SignIn signIn) {
        return new Actor(
                ActorKind.PERSON,
                signIn.tenantId(),
                person.id(),
                null,
                signIn.subject(),
                Objects.requireNonNull(person.roles()),
                Set.of());
    }
}
