package org.trellis.api.people;

import graphql.execution.DataFetcherResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorKind;
import org.trellis.api.shared.NotFoundException;
import org.trellis.api.shared.Role;
import org.trellis.api.shared.Scopes;
import org.trellis.graphql.KeysetWindows;
import org.trellis.persistence.TransactionMemo;

/**
 * Reading people of a tenant. Every member (and clients with {@code people:read}) sees colleagues' basic profiles;
 * details are for the person, their management chain, tenant admins and {@code people:read} clients. Changes are
 * {@link PersonChanges}; accounts elsewhere {@link ExternalAccountService}.
 */
@Service
public class PeopleService {

    private static final int DEFAULT_PAGE = 20;
    private static final int MAX_PAGE = 100;
    /** The {@code @listSize} of {@code Person.directReports}; more are paged through {@code people(filter)}. */
    private static final int MAX_DIRECT_REPORTS = 50;

    private final People people;
    private final PeopleSearch search;

    PeopleService(People people, PeopleSearch search) {
        this.people = people;
        this.search = search;
    }

    @Transactional(readOnly = true)
    public Person get(Actor actor, UUID id) {
        PeoplePolicy.requireRead(actor);
        Person row = people.findById(id).orElseThrow(() -> new NotFoundException("Person"));
        return viewer(actor).apply(row);
    }

    @Transactional(readOnly = true)
    public List<Person> getAll(Actor actor, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // Whose details the caller sees is decided in the same statement.
        return people.findByIds(ids, PersonRows.of(actor));
    }

    @Transactional(readOnly = true)
    public DataFetcherResult<Window<Person>> list(Actor actor, PeopleFilter filter, ScrollSubrange subrange) {
        PeoplePolicy.requireRead(actor);
        KeysetWindows.Page page = KeysetWindows.page(subrange, DEFAULT_PAGE, MAX_PAGE);
        PeopleFilter valid = filter.search() != null && filter.search().length() > 200
                ? new PeopleFilter(
                        filter.teamId(),
                        filter.managerId(),
                        filter.includeIndirectReports(),
                        filter.status(),
                        filter.search().substring(0, 200))
                : filter;
        Function<Person, Person> view = viewer(actor);
        DataFetcherResult<Window<PeopleSearch.Found>> found =
                search.search(valid, detailScope(actor), page).window(page, PeopleSearch::keys);
        return found.map(window -> window.map(row -> view.apply(row.person())));
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

    @Transactional(readOnly = true)
    public Map<UUID, List<Person>> directReports(Actor actor, Collection<UUID> managerIds) {
        PeoplePolicy.requireRead(actor);
        Map<UUID, List<Person>> result = new LinkedHashMap<>();
        managerIds.forEach(id -> result.put(id, new ArrayList<>()));
        if (!managerIds.isEmpty()) {
            Function<Person, Person> view = viewer(actor);
            people.findByManagers(managerIds, MAX_DIRECT_REPORTS)
                    .forEach(row -> result.get(row.managerId()).add(view.apply(row)));
        }
        return result;
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
}
