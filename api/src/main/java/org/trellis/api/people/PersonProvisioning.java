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
 * Just-in-time provisioning: the first valid sign-in creates the person; later sign-ins refresh what the identity
 * provider owns (email, name and, when it maps roles, the roles). Must run in the sign-in's tenant scope.
 */
@Service
public class PersonProvisioning {

    private final People people;
    private final AuditTrail audit;

    PersonProvisioning(People people, AuditTrail audit) {
        this.people = people;
        this.audit = audit;
    }

    @Transactional
    public Person signIn(SignIn signIn) {
        var existing = people.findBySubject(signIn.identityProviderId(), signIn.subject());
        if (existing.isEmpty()) {
            Set<Role> roles = withBaseRole(signIn.mappedRoles() == null ? Set.of() : signIn.mappedRoles());
            Person person = people.insert(signIn, displayName(signIn), roles);
            audit.record(
                    asActor(person, signIn),
                    signIn.tenantId(),
                    "person.provisioned",
                    "Person",
                    person.id(),
                    Map.of("roles", person.roles(), "source", "sign-in"));
            return person;
        }
        Person person = existing.get();
        if (person.status() != PersonStatus.ACTIVE) {
            return person;
        }
        Set<Role> roles = signIn.mappedRoles() == null ? person.roles() : withBaseRole(signIn.mappedRoles());
        String email = signIn.email() == null ? person.email() : signIn.email();
        String name = signIn.displayName() == null ? person.displayName() : signIn.displayName();
        if (Objects.equals(email, person.email())
                && name.equals(person.displayName())
                && roles.equals(person.roles())) {
            return person;
        }
        Person updated = people.updateProfile(person.id(), email, name, roles);
        if (!roles.equals(person.roles())) {
            audit.record(
                    asActor(updated, signIn),
                    signIn.tenantId(),
                    "person.roles-synced",
                    "Person",
                    person.id(),
                    Map.of("before", person.roles(), "after", roles));
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

    private static Actor asActor(Person person, SignIn signIn) {
        return new Actor(
                ActorKind.PERSON, signIn.tenantId(), person.id(), null, signIn.subject(), person.roles(), Set.of());
    }
}
