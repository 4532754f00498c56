package org.trellis.api.people;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.Change;
import org.trellis.api.shared.ConflictException;
import org.trellis.api.shared.InvalidInputException;
import org.trellis.api.shared.NotFoundException;
import org.trellis.api.shared.PrincipalChanges;
import org.trellis.api.shared.Role;
import org.trellis.api.shared.Validation;
import org.trellis.graphql.UserError;
import org.trellis.graphql.UserError.Code;

/**
 * Changes to people: profiles, reporting lines, status and who provisions them. Tenant admins and clients with
 * {@code people:write} make them ({@link PeoplePolicy}); roles only tenant admins. Every change is audited, and those
 * that narrow what a person's tokens may do are announced to every instance's sign-in cache.
 */
@Service
public class PersonChanges {

    private final People people;
    private final ExactPeople exact;
    private final PeopleService reads;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final PrincipalChanges principals;

    PersonChanges(
            People people,
            ExactPeople exact,
            PeopleService reads,
            AuditTrail audit,
            ApplicationEventPublisher events,
            PrincipalChanges principals) {
        this.people = people;
        this.exact = exact;
        this.reads = reads;
        this.audit = audit;
        this.events = events;
        this.principals = principals;
    }

    @Transactional
    public Person create(Actor actor, PersonInput input) {
        return create(actor, input, ProfileSource.ADMIN);
    }

    /** Creates a person whose profile {@code source} manages (SCIM passes its own). */
    @Transactional
    public Person create(Actor actor, PersonInput input, ProfileSource source) {
        PeoplePolicy.requireWrite(actor);
        UUID tenant = actor.tenant();
        Validation validation = new Validation();
        Profile profile = validate(validation, PersonUpdate.replacing(input), null, null);
        validation.throwIfInvalid();
        PeoplePolicy.requireRoleChange(actor, EnumSet.of(Role.ENGINEER), profile.roles());
        Person created = people.insert(tenant, profile, source);
        if (input.managerId() != null) {
            people.lockReportingLines();
            created = people.setManager(
                    created.id(),
                    existing(input.managerId().value(), "input", "managerId").id());
        }
        audit.record(actor, tenant, "person.created", "Person", created.id(), summary(created));
        events.publishEvent(PersonEvents.provisioned(tenant, created.id(), source));
        return reads.viewer(actor).apply(created);
    }

    /** Changes a person's profile: fields not given stay, null clears an optional one ({@link PersonUpdate}). */
    @Transactional
    public Person update(Actor actor, UUID id, PersonUpdate changes) {
        PeoplePolicy.requireWrite(actor);
        Person current = people.findById(id).orElseThrow(() -> new NotFoundException("Person"));
        Validation validation = new Validation();
        Profile profile = validate(validation, changes, current, id);
        validation.throwIfInvalid();
        PeoplePolicy.requireRoleChange(actor, Objects.requireNonNull(current.grantedRoles()), profile.roles());
        Person updated = people.update(id, profile);
        if (!Objects.equals(current.roles(), updated.roles())) {
            principals.changed(actor.tenant());
        }
        audit.record(
                actor,
                actor.tenant(),
                "person.updated",
                "Person",
                id,
                Map.of("before", summary(current), "after", summary(updated)));
        return reads.viewer(actor).apply(updated);
    }

    /**
     * Records who manages the person's profile from now on: SCIM, for the identity provider its credential is bound
     * to (then the person's external id is that provider's subject, and their first sign-in through it claims them).
     */
    @Transactional
    public Person provisionedBy(Actor actor, UUID id, ProfileSource source, @Nullable UUID identityProviderId) {
        PeoplePolicy.requireWrite(actor);
        return reads.viewer(actor).apply(people.setSource(id, source, identityProviderId));
    }

    /** As {@link #setManager(Actor, UUID, UUID)} for GraphQL's input: a manager not given stays. */
    @Transactional
    public Person setManager(Actor actor, UUID id, Change<UUID> manager) {
        if (manager.given()) {
            return setManager(actor, id, manager.value());
        }
        PeoplePolicy.requireWrite(actor);
        return reads.viewer(actor).apply(people.findById(id).orElseThrow(() -> new NotFoundException("Person")));
    }

    /** Sets or clears a person's manager, refusing cycles in the reporting line. */
    @Transactional
    public Person setManager(Actor actor, UUID id, @Nullable UUID managerId) {
        PeoplePolicy.requireWrite(actor);
        people.lockReportingLines();
        Person person = people.findById(id).orElseThrow(() -> new NotFoundException("Person"));
        if (managerId != null) {
            existing(managerId, "input", "managerId");
            if (managerId.equals(id) || people.reportIds(id).contains(managerId)) {
                throw InvalidInputException.of(new UserError(
                        List.of("input", "managerId"),
                        "This manager reports to the person: the reporting line would loop.",
                        Code.INVALID));
            }
        }
        Person updated = people.setManager(id, managerId);
        audit.record(
                actor,
                actor.tenant(),
                "person.manager-changed",
                "Person",
                id,
                Map.of("before", String.valueOf(person.managerId()), "after", String.valueOf(managerId)));
        return reads.viewer(actor).apply(updated);
    }

    @Transactional
    public Person setStatus(Actor actor, UUID id, PersonStatus status) {
        PeoplePolicy.requireWrite(actor);
        Person person = people.findById(id).orElseThrow(() -> new NotFoundException("Person"));
        if (actor.personId() != null && actor.personId().equals(id) && status == PersonStatus.DEACTIVATED) {
            throw new ConflictException("You cannot deactivate yourself.", "input", "id");
        }
        if (person.scimDeleted() && status == PersonStatus.ACTIVE) {
            throw new ConflictException(
                    "SCIM deleted this person: only their identity provider can create them again.", "input", "id");
        }
        Person updated = people.setStatus(id, status);
        if (person.status() != status) {
            principals.changed(actor.tenant());
        }
        audit.record(
                actor,
                actor.tenant(),
                status == PersonStatus.ACTIVE ? "person.reactivated" : "person.deactivated",
                "Person",
                id,
                Map.of("before", person.status().name(), "after", status.name()));
        if (person.status() == PersonStatus.ACTIVE && status == PersonStatus.DEACTIVATED) {
            events.publishEvent(new PersonDeactivated(actor, id));
            events.publishEvent(PersonEvents.deactivated(actor.tenant(), id));
        }
        return reads.viewer(actor).apply(updated);
    }

    private Person existing(UUID id, String... field) {
        return people.findById(id).orElseThrow(() -> new NotFoundException("Person"));
    }

    /** Validates changes over the current values (none when creating). */
    private Profile validate(
            Validation validation, PersonUpdate changes, @Nullable Person current, @Nullable UUID self) {
        String displayName = validation.text(
                changes.displayName(), current == null ? null : current.displayName(), 200, "input", "displayName");
        String email = validation.optionalText(
                changes.email(), current == null ? null : current.email(), 320, "input", "email");
        if (email != null && !validation.isEmail(email)) {
            validation.reject(Code.INVALID, "Not an email address.", "input", "email");
        }
        String title = validation.optionalText(
                changes.title(), current == null ? null : current.title(), 200, "input", "title");
        String timeZone = validation.optionalText(
                changes.timeZone(), current == null ? null : current.timeZone(), 64, "input", "timeZone");
        if (timeZone != null && !ZoneId.getAvailableZoneIds().contains(timeZone)) {
            validation.reject(Code.INVALID, "Not an IANA time zone such as Europe/Berlin.", "input", "timeZone");
        }
        String userName = validation.optionalText(
                changes.userName(), current == null ? null : current.userName(), 320, "input", "userName");
        if (userName != null && changes.userName().given() && exact.userNameTaken(userName, self)) {
            validation.reject(Code.ALREADY_EXISTS, "Another person has this user name.", "input", "userName");
        }
        String externalId = validation.optionalText(
                changes.externalId(), current == null ? null : current.externalId(), 500, "input", "externalId");
        if (externalId != null && changes.externalId().given() && exact.externalIdTaken(externalId, self)) {
            validation.reject(Code.ALREADY_EXISTS, "Another person has this external id.", "input", "externalId");
        }
        Set<Role> roles = EnumSet.of(Role.ENGINEER);
        if (changes.roles().given()) {
            for (Role role : Objects.requireNonNullElse(changes.roles().value(), List.<Role>of())) {
                if (role.grantableByTenant()) {
                    roles.add(role);
                } else {
                    validation.reject(Code.INVALID, "A tenant cannot grant this role.", "input", "roles");
                }
            }
        } else if (current != null) {
            roles.addAll(Objects.requireNonNull(current.grantedRoles()));
        }
        return new Profile(displayName, email, title, timeZone, userName, externalId, roles);
    }

    private static Map<String, Object> summary(Person person) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("displayName", person.displayName());
        summary.put("email", String.valueOf(person.email()));
        summary.put("title", String.valueOf(person.title()));
        summary.put("roles", String.valueOf(person.roles()));
        summary.put("grantedRoles", String.valueOf(person.grantedRoles()));
        summary.put("status", person.status());
        return summary;
    }
}
