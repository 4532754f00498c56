package org.trellis.api.people;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.Ids;
import org.trellis.api.shared.NodeResolver;
import org.trellis.api.shared.Role;
import org.trellis.graphql.GlobalId;
import org.trellis.graphql.UserError;

/** GraphQL: the caller ({@code me}) and people. */
@Controller
class PeopleController implements NodeResolver {

    private final PeopleService people;
    private final PersonChanges changes;
    private final ExternalAccountService accounts;

    PeopleController(PeopleService people, PersonChanges changes, ExternalAccountService accounts) {
        this.people = people;
        this.changes = changes;
        this.accounts = accounts;
    }

    @QueryMapping
    Actor me() {
        return ActorAuthentication.current();
    }

    @QueryMapping
    Person person(@Argument String id) {
        return people.get(ActorAuthentication.current(), Ids.decode(id, "Person"));
    }

    @QueryMapping
    Window<Person> people(@Argument @Nullable FilterInput filter, ScrollSubrange subrange) {
        PeopleFilter criteria = filter == null ? PeopleFilter.ALL : filter.toFilter();
        return people.list(ActorAuthentication.current(), criteria, subrange);
    }

    @BatchMapping(typeName = "Viewer", field = "person")
    Map<Actor, @Nullable Person> viewerPerson(List<Actor> viewers) {
        Map<UUID, Person> found = byId(people.getAll(
                ActorAuthentication.current(),
                viewers.stream().map(Actor::personId).filter(Objects::nonNull).toList()));
        Map<Actor, @Nullable Person> result = new HashMap<>();
        viewers.forEach(viewer -> result.put(viewer, viewer.personId() == null ? null : found.get(viewer.personId())));
        return result;
    }

    @BatchMapping(typeName = "Person", field = "manager")
    Map<Person, @Nullable Person> manager(List<Person> persons) {
        Map<UUID, Person> found = byId(people.getAll(
                ActorAuthentication.current(),
                persons.stream()
                        .map(Person::managerId)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList()));
        Map<Person, @Nullable Person> result = new HashMap<>();
        persons.forEach(p -> result.put(p, p.managerId() == null ? null : found.get(p.managerId())));
        return result;
    }

    @BatchMapping(typeName = "Person", field = "directReports")
    Map<Person, List<Person>> directReports(List<Person> persons) {
        Map<UUID, List<Person>> reports = people.directReports(
                ActorAuthentication.current(),
                persons.stream().map(Person::id).distinct().toList());
        return persons.stream().collect(Collectors.toMap(Function.identity(), p -> reports.get(p.id()), (a, b) -> a));
    }

    @BatchMapping(typeName = "Person", field = "externalAccounts")
    Map<Person, List<ExternalAccount>> externalAccounts(List<Person> persons) {
        Map<UUID, List<ExternalAccount>> linked = accounts.externalAccounts(ActorAuthentication.current(), persons);
        return persons.stream().collect(Collectors.toMap(Function.identity(), p -> linked.get(p.id()), (a, b) -> a));
    }

    @SchemaMapping(typeName = "ExternalAccount", field = "identityProviderId")
    @Nullable
    String identityProviderId(ExternalAccount account) {
        return account.identityProviderId() == null
                ? null
                : GlobalId.encode("IdentityProvider", account.identityProviderId());
    }

    @MutationMapping
    PersonPayload createPerson(@Argument CreateInput input) {
        return new PersonPayload(changes.create(ActorAuthentication.current(), input.toInput()), List.of());
    }

    @MutationMapping
    PersonPayload updatePerson(@Argument UpdateInput input) {
        return new PersonPayload(
                changes.update(ActorAuthentication.current(), Ids.decode(input.id(), "Person"), input.toInput()),
                List.of());
    }

    @MutationMapping
    PersonPayload setManager(@Argument ManagerInput input) {
        return new PersonPayload(
                changes.setManager(
                        ActorAuthentication.current(),
                        Ids.decode(input.personId(), "Person"),
                        Ids.decodeOptional(input.managerId(), "Person")),
                List.of());
    }

    @MutationMapping
    PersonPayload deactivatePerson(@Argument IdInput input) {
        return new PersonPayload(
                changes.setStatus(
                        ActorAuthentication.current(), Ids.decode(input.id(), "Person"), PersonStatus.DEACTIVATED),
                List.of());
    }

    @MutationMapping
    PersonPayload reactivatePerson(@Argument IdInput input) {
        return new PersonPayload(
                changes.setStatus(ActorAuthentication.current(), Ids.decode(input.id(), "Person"), PersonStatus.ACTIVE),
                List.of());
    }

    @MutationMapping
    AccountPayload linkExternalAccount(@Argument LinkInput input) {
        return new AccountPayload(
                accounts.link(
                        ActorAuthentication.current(),
                        Ids.decode(input.personId(), "Person"),
                        input.provider(),
                        Ids.decodeOptional(input.identityProviderId(), "IdentityProvider"),
                        input.account()),
                List.of());
    }

    @MutationMapping
    AccountPayload unlinkExternalAccount(@Argument IdInput input) {
        return new AccountPayload(
                accounts.unlink(ActorAuthentication.current(), Ids.decode(input.id(), "ExternalAccount")), List.of());
    }

    @Override
    public String type() {
        return "Person";
    }

    @Override
    public Object resolve(Actor actor, UUID id) {
        return people.get(actor, id);
    }

    private static Map<UUID, Person> byId(List<Person> persons) {
        return persons.stream().collect(Collectors.toMap(Person::id, Function.identity()));
    }

    record FilterInput(
            @Nullable String teamId,
            @Nullable String managerId,
            @Nullable Boolean includeIndirectReports,
            @Nullable PersonStatus status,
            @Nullable String search) {

        PeopleFilter toFilter() {
            return new PeopleFilter(
                    Ids.decodeOptional(teamId, "Team"),
                    Ids.decodeOptional(managerId, "Person"),
                    Boolean.TRUE.equals(includeIndirectReports),
                    status,
                    search == null || search.isBlank() ? null : search.strip());
        }
    }

    record CreateInput(
            String displayName,
            @Nullable String email,
            @Nullable String title,
            @Nullable String timeZone,
            @Nullable String userName,
            @Nullable String externalId,
            @Nullable String managerId,
            @Nullable List<Role> roles) {

        PersonInput toInput() {
            return new PersonInput(
                    displayName,
                    email,
                    title,
                    timeZone,
                    userName,
                    externalId,
                    roles,
                    Ids.decodeOptional(managerId, "Person"));
        }
    }

    record UpdateInput(
            String id,
            @Nullable String displayName,
            @Nullable String email,
            @Nullable String title,
            @Nullable String timeZone,
            @Nullable String userName,
            @Nullable String externalId,
            @Nullable List<Role> roles) {

        PersonInput toInput() {
            return new PersonInput(displayName, email, title, timeZone, userName, externalId, roles, null);
        }
    }

    record ManagerInput(String personId, @Nullable String managerId) {}

    record IdInput(String id) {}

    record LinkInput(
            String personId,
            ExternalAccount.Provider provider,
            @Nullable String identityProviderId,
            String account) {}

    record PersonPayload(Person person, List<UserError> userErrors) {}

    record AccountPayload(ExternalAccount externalAccount, List<UserError> userErrors) {}
}
