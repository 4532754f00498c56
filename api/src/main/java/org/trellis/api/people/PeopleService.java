package org.trellis.api.people;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorKind;
import org.trellis.api.shared.ConflictException;
import org.trellis.api.shared.NotFoundException;
import org.trellis.api.shared.PrincipalChanges;
import org.trellis.api.shared.Role;
import org.trellis.api.shared.Scopes;
import org.trellis.api.shared.Validation;
import org.trellis.graphql.OffsetWindows;
import org.trellis.graphql.UserError.Code;
import org.trellis.persistence.TransactionMemo;

/**
 * People of a tenant. Every member (and clients with {@code people:read}) sees colleagues' basic profiles; details
 * are for the person, their management chain, tenant admins and {@code people:read} clients. Tenant admins and
 * clients with {@code people:write} change people; every change is audited.
 */
@Service
public class PeopleService {

    private static final int DEFAULT_PAGE = 20;
    private static final int MAX_PAGE = 100;
    /** The {@code @listSize} of {@code Person.directReports}; more are paged through {@code people(filter)}. */
    private static final int MAX_DIRECT_REPORTS = 50;

    private final People people;
    private final ExternalAccounts accounts;
    private final AuditTrail audit;

    private final ApplicationEventPublisher events;
    private final PrincipalChanges principals;

    PeopleService(
            People people,
            ExternalAccounts accounts,
            AuditTrail audit,
            ApplicationEventPublisher events,
            PrincipalChanges principals) {
        this.principals = principals;
        this.people = people;
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Person get(Actor actor, UUID id) {
        requireRead(actor);
        Person row = people.findById(id).orElseThrow(() -> new NotFoundException("Person"));
        return viewer(actor).apply(row);
    }

    @Transactional(readOnly = true)
    public List<Person> getAll(Actor actor, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        requireRead(actor);
        return people.findByIds(ids).stream().map(viewer(actor)).toList();
    }

    @Transactional(readOnly = true)
    public Window<Person> list(Actor actor, PeopleFilter filter, ScrollSubrange subrange) {
        requireRead(actor);
        long offset = OffsetWindows.offset(subrange);
        int limit = OffsetWindows.limit(subrange, DEFAULT_PAGE, MAX_PAGE);
        PeopleFilter valid = filter.search() != null && filter.search().length() > 200
                ? new PeopleFilter(
                        filter.teamId(),
                        filter.managerId(),
                        filter.includeIndirectReports(),
                        filter.status(),
                        filter.search().substring(0, 200))
                : filter;
        Function<Person, Person> view = viewer(actor);
        List<Person> rows = people.search(valid, detailScope(actor), offset, limit + 1).stream()
                .map(view)
                .toList();
        return OffsetWindows.window(rows, offset, limit);
    }

    /** Everyone below the caller in the reporting line (empty for callers who are not people). */
    @Transactional(readOnly = true)
    public Set<UUID> reportsOf(Actor actor) {
        actor.tenant();
        return actor.personId() == null ? Set.of() : reports(actor.personId());
    }

    /** Everyone below a person: computed once per read-only transaction, so once per query. */
    private Set<UUID> reports(UUID personId) {
        return TransactionMemo.get(new Reports(personId), () -> Set.copyOf(people.reportIds(personId)));
    }

    private record Reports(UUID personId) {}

    /** Whether a person exists in the caller's tenant (for other modules' validation). */
    @Transactional(readOnly = true)
    public boolean exists(Actor actor, UUID id) {
        actor.tenant();
        return people.findById(id).isPresent();
    }

    /** Everyone in a person's reporting line: their managers up the chain and everyone below them. */
    @Transactional(readOnly = true)
    public Set<UUID> reportingLine(Actor actor, UUID personId) {
        actor.tenant();
        Set<UUID> line = new HashSet<>(people.managerIds(personId));
        line.addAll(people.reportIds(personId));
        line.remove(personId);
        return line;
    }

    /** The person an account elsewhere (a GitHub login, a PagerDuty user) is linked to, if any. */
    @Transactional(readOnly = true)
    public Optional<UUID> linkedPerson(Actor actor, ExternalAccount.Provider provider, String account) {
        requireRead(actor);
        String key = provider == ExternalAccount.Provider.GITHUB ? account.toLowerCase(Locale.ROOT) : account;
        return accounts.find(provider, null, key).map(ExternalAccount::personId);
    }

    /** People matching exact criteria (see {@code People.exact}), and how many match in all. */
    @Transactional(readOnly = true)
    public ExactPage findExact(Actor actor, Map<String, String> criteria, long offset, int limit) {
        requireRead(actor);
        Function<Person, Person> view = viewer(actor);
        return new ExactPage(
                people.exact(criteria, offset, limit).stream().map(view).toList(), people.countExact(criteria));
    }

    /** A page of exact matches and the total. */
    public record ExactPage(List<Person> people, int total) {}

    @Transactional(readOnly = true)
    public Map<UUID, List<Person>> directReports(Actor actor, Collection<UUID> managerIds) {
        requireRead(actor);
        Map<UUID, List<Person>> result = new LinkedHashMap<>();
        managerIds.forEach(id -> result.put(id, new ArrayList<>()));
        if (!managerIds.isEmpty()) {
            Function<Person, Person> view = viewer(actor);
            people.findByManagers(managerIds, MAX_DIRECT_REPORTS)
                    .forEach(row -> result.get(row.managerId()).add(view.apply(row)));
        }
        return result;
    }

    /** External accounts of the people the caller may see in detail; empty for the others. */
    @Transactional(readOnly = true)
    public Map<UUID, List<ExternalAccount>> externalAccounts(Actor actor, Collection<Person> subjects) {
        requireRead(actor);
        Map<UUID, List<ExternalAccount>> result = new LinkedHashMap<>();
        subjects.forEach(person -> result.put(person.id(), new ArrayList<>()));
        List<UUID> detailed =
                subjects.stream().filter(Person::detailed).map(Person::id).toList();
        if (!detailed.isEmpty()) {
            accounts.findByPeople(detailed)
                    .forEach(account -> result.get(account.personId()).add(account));
        }
        return result;
    }

    @Transactional
    public Person create(Actor actor, PersonInput input) {
        return create(actor, input, ProfileSource.ADMIN);
    }

    /** Creates a person whose profile {@code source} manages (SCIM passes its own). */
    @Transactional
    public Person create(Actor actor, PersonInput input, ProfileSource source) {
        requireWrite(actor);
        UUID tenant = actor.tenant();
        Validation validation = new Validation();
        Profile profile = validate(validation, input, null, null);
        validation.throwIfInvalid();
        PeoplePolicy.requireRoleChange(actor, EnumSet.of(Role.ENGINEER), profile.roles());
        Person created = people.insert(tenant, profile, source);
        if (input.managerId() != null) {
            people.lockReportingLines();
            created = people.setManager(
                    created.id(),
                    existing(input.managerId(), "input", "managerId").id());
        }
        audit.record(actor, tenant, "person.created", "Person", created.id(), summary(created));
        return viewer(actor).apply(created);
    }

    @Transactional
    public Person update(Actor actor, UUID id, PersonInput input) {
        requireWrite(actor);
        Person current = people.findById(id).orElseThrow(() -> new NotFoundException("Person"));
        Validation validation = new Validation();
        Profile profile = validate(validation, input, current, id);
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
        return viewer(actor).apply(updated);
    }

    /**
     * Records who manages the person's profile from now on: SCIM, for the identity provider its credential is bound
     * to (then the person's external id is that provider's subject, and their first sign-in through it claims them).
     */
    @Transactional
    public Person provisionedBy(Actor actor, UUID id, ProfileSource source, @Nullable UUID identityProviderId) {
        requireWrite(actor);
        return viewer(actor).apply(people.setSource(id, source, identityProviderId));
    }

    /** Sets or clears a person's manager, refusing cycles in the reporting line. */
    @Transactional
    public Person setManager(Actor actor, UUID id, @Nullable UUID managerId) {
        requireWrite(actor);
        people.lockReportingLines();
        Person person = people.findById(id).orElseThrow(() -> new NotFoundException("Person"));
        if (managerId != null) {
            existing(managerId, "input", "managerId");
            if (managerId.equals(id) || people.reportIds(id).contains(managerId)) {
                throw org.trellis.api.shared.InvalidInputException.of(new org.trellis.graphql.UserError(
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
        return viewer(actor).apply(updated);
    }

    @Transactional
    public Person setStatus(Actor actor, UUID id, PersonStatus status) {
        requireWrite(actor);
        Person person = people.findById(id).orElseThrow(() -> new NotFoundException("Person"));
        if (actor.personId() != null && actor.personId().equals(id) && status == PersonStatus.DEACTIVATED) {
            throw new ConflictException("You cannot deactivate yourself.");
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
        }
        return viewer(actor).apply(updated);
    }

    @Transactional
    public ExternalAccount link(
            Actor actor,
            UUID personId,
            ExternalAccount.Provider provider,
            @Nullable UUID identityProviderId,
            String account) {
        requireWrite(actor);
        PeoplePolicy.requireSignInAccountChange(actor, provider);
        existing(personId, "input", "personId");
        Validation validation = new Validation();
        String value = validation.text(account, 500, "input", "account");
        if ((provider == ExternalAccount.Provider.IDENTITY_PROVIDER) != (identityProviderId != null)) {
            validation.reject(
                    Code.INVALID,
                    "identityProviderId is required for IDENTITY_PROVIDER accounts and only for them.",
                    "input",
                    "identityProviderId");
        }
        if (value != null && provider == ExternalAccount.Provider.GITHUB) {
            value = value.toLowerCase(Locale.ROOT);
            // Logins are letters, digits and hyphens (at most 39); Enterprise Managed Users add "_shortcode".
            if (!value.matches("[a-z0-9][a-z0-9-]{0,38}(?:_[a-z0-9]{1,40})?")) {
                validation.reject(Code.INVALID, "Not a GitHub login.", "input", "account");
            }
        }
        if (value != null && accounts.find(provider, identityProviderId, value).isPresent()) {
            validation.reject(Code.ALREADY_EXISTS, "This account is linked to someone already.", "input", "account");
        }
        validation.throwIfInvalid();
        ExternalAccount linked = accounts.insert(actor.tenant(), personId, provider, identityProviderId, value);
        if (provider == ExternalAccount.Provider.IDENTITY_PROVIDER) {
            principals.changed(actor.tenant());
        }
        audit.record(
                actor,
                actor.tenant(),
                "person.account-linked",
                "Person",
                personId,
                Map.of("provider", provider, "account", linked.account()));
        return linked;
    }

    @Transactional
    public ExternalAccount unlink(Actor actor, UUID accountId) {
        requireWrite(actor);
        ExternalAccount account =
                accounts.findById(accountId).orElseThrow(() -> new NotFoundException("External account"));
        PeoplePolicy.requireSignInAccountChange(actor, account.provider());
        accounts.delete(accountId);
        if (account.provider() == ExternalAccount.Provider.IDENTITY_PROVIDER) {
            principals.changed(actor.tenant());
        }
        audit.record(
                actor,
                actor.tenant(),
                "person.account-unlinked",
                "Person",
                account.personId(),
                Map.of("provider", account.provider(), "account", account.account()));
        return account;
    }

    /** Maps rows to what this caller may see: details only where the policy allows. */
    Function<Person, Person> viewer(Actor actor) {
        DetailScope scope = detailScope(actor);
        UUID self = scope.self();
        if (scope.all()) {
            return Function.identity();
        }
        if (self == null) {
            return Person::basic;
        }
        // The caller's reports are looked up only when a row is someone else's (never for the caller's own record).
        Supplier<Set<UUID>> reports = TransactionMemo.lazy(new Reports(self), () -> Set.copyOf(people.reportIds(self)));
        return person -> self.equals(person.id()) || reports.get().contains(person.id()) ? person : person.basic();
    }

    /** Whose details this caller may see: one rule for showing details and for searching them. */
    static DetailScope detailScope(Actor actor) {
        boolean all = actor.hasRole(Role.TENANT_ADMIN)
                || (actor.kind() == ActorKind.SERVICE_CLIENT && actor.scopes().contains(Scopes.PEOPLE_READ));
        return new DetailScope(all, all ? null : actor.personId());
    }

    private Person existing(UUID id, String... field) {
        return people.findById(id).orElseThrow(() -> new NotFoundException("Person"));
    }

    /** Validates input over the current values (null input fields keep them; empty text clears optional ones). */
    private Profile validate(Validation validation, PersonInput input, @Nullable Person current, @Nullable UUID self) {
        String displayName = input.displayName() == null && current != null
                ? current.displayName()
                : validation.text(input.displayName(), 200, "input", "displayName");
        String email = optional(validation, input.email(), current == null ? null : current.email(), 320, "email");
        if (email != null && !validation.isEmail(email)) {
            validation.reject(Code.INVALID, "Not an email address.", "input", "email");
        }
        String title = optional(validation, input.title(), current == null ? null : current.title(), 200, "title");
        String timeZone =
                optional(validation, input.timeZone(), current == null ? null : current.timeZone(), 64, "timeZone");
        if (timeZone != null && !ZoneId.getAvailableZoneIds().contains(timeZone)) {
            validation.reject(Code.INVALID, "Not an IANA time zone such as Europe/Berlin.", "input", "timeZone");
        }
        String userName =
                optional(validation, input.userName(), current == null ? null : current.userName(), 320, "userName");
        if (userName != null && people.userNameTaken(userName, self)) {
            validation.reject(Code.ALREADY_EXISTS, "Another person has this user name.", "input", "userName");
        }
        String externalId = optional(
                validation, input.externalId(), current == null ? null : current.externalId(), 500, "externalId");
        if (externalId != null && people.externalIdTaken(externalId, self)) {
            validation.reject(Code.ALREADY_EXISTS, "Another person has this external id.", "input", "externalId");
        }
        Set<Role> roles = EnumSet.of(Role.ENGINEER);
        if (input.roles() != null) {
            for (Role role : input.roles()) {
                if (role.grantableByTenant()) {
                    roles.add(role);
                } else {
                    validation.reject(Code.INVALID, "A tenant cannot grant this role.", "input", "roles");
                }
            }
        } else if (current != null) {
            roles = EnumSet.copyOf(Objects.requireNonNull(current.grantedRoles()));
            roles.add(Role.ENGINEER);
        }
        return new Profile(displayName, email, title, timeZone, userName, externalId, roles);
    }

    private static @Nullable String optional(
            Validation validation, @Nullable String value, @Nullable String current, int max, String field) {
        if (value == null) {
            return current;
        }
        return validation.optionalText(value, max, "input", field);
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

    static void requireRead(Actor actor) {
        PeoplePolicy.requireRead(actor);
    }

    static void requireWrite(Actor actor) {
        PeoplePolicy.requireWrite(actor);
    }
}
