package org.trellis.api.people;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorKind;
import org.trellis.api.shared.Role;

/**
 * Just-in-time provisioning. A sign-in finds the person linked to its provider and subject; failing that it claims
 * a person provisioned ahead (e.g. by SCIM) with the same external id or email, or creates one. Later sign-ins
 * refresh what the identity provider owns (email, name and, when it maps roles, the roles). Must run in the
 * sign-in's tenant scope.
 */
@Service
public class PersonProvisioning {

    private final People people;
    private final ExternalAccounts accounts;
    private final AuditTrail audit;

    PersonProvisioning(People people, ExternalAccounts accounts, AuditTrail audit) {
        this.people = people;
        this.accounts = accounts;
        this.audit = audit;
    }

    @Transactional
    public Person signIn(SignIn signIn) {
        var linked = people.findBySignIn(signIn.identityProviderId(), signIn.subject());
        if (linked.isPresent()) {
            return sync(linked.get(), signIn);
        }
        var provisioned = people.findUnlinkedMatch(signIn.identityProviderId(), signIn.subject(), signIn.email());
        Person person;
        if (provisioned.isPresent()) {
            person = provisioned.get();
            link(person, signIn);
            audit.record(
                    actor(person, signIn),
                    signIn.tenantId(),
                    "person.sign-in-linked",
                    "Person",
                    person.id(),
                    Map.of("identityProviderId", signIn.identityProviderId()));
            return sync(person, signIn);
        }
        Set<Role> roles = withBaseRole(signIn.mappedRoles() == null ? Set.of() : signIn.mappedRoles());
        person = people.insert(
                signIn.tenantId(), new Profile(displayName(signIn), signIn.email(), null, null, null, null, roles));
        link(person, signIn);
        audit.record(
                actor(person, signIn),
                signIn.tenantId(),
                "person.provisioned",
                "Person",
                person.id(),
                Map.of("roles", roles, "source", "sign-in"));
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
        Set<Role> current = person.roles();
        Set<Role> roles = signIn.mappedRoles() == null ? current : withBaseRole(signIn.mappedRoles());
        String email = signIn.email() == null ? person.email() : signIn.email();
        String name = signIn.displayName() == null ? person.displayName() : signIn.displayName();
        if (Objects.equals(email, person.email()) && name.equals(person.displayName()) && roles.equals(current)) {
            return person;
        }
        Person updated = people.update(
                person.id(),
                new Profile(
                        name, email, person.title(), person.timeZone(), person.userName(), person.externalId(), roles));
        if (!roles.equals(current)) {
            audit.record(
                    actor(updated, signIn),
                    signIn.tenantId(),
                    "person.roles-synced",
                    "Person",
                    person.id(),
                    Map.of("before", current, "after", roles));
        }
        return updated;
    }

    private static Set<Role> withBaseRole(Set<Role> roles) {
        Set<Role> all = EnumSet.of(Role.ENGINEER);
        all.addAll(roles);
        return all;
    }

    private static String displayName(SignIn signIn) {
        if (signIn.displayName() != null) {
            return signIn.displayName();
        }
        return signIn.email() != null ? signIn.email() : signIn.subject();
    }

    private static Actor actor(Person person, SignIn signIn) {
        return new Actor(
                ActorKind.PERSON, signIn.tenantId(), person.id(), null, signIn.subject(), person.roles(), Set.of());
    }
}
