package org.trellis.api.people;

import graphql.execution.DataFetcherResult;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.ArgumentValue;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.BatchJoins;
import org.trellis.api.shared.Change;
import org.trellis.api.shared.Ids;
import org.trellis.api.shared.Ids.ExternalAccountId;
import org.trellis.api.shared.Ids.IdentityProviderId;
import org.trellis.api.shared.Ids.PersonId;
import org.trellis.api.shared.Ids.TeamId;
import org.trellis.api.shared.Role;
import org.trellis.graphql.GlobalId;
import org.trellis.graphql.UserError;

/** GraphQL: the caller ({@code me}) and people. */
@Controller
class PeopleController {

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
    Person person(@Argument PersonId id) {
        return people.get(ActorAuthentication.current(), id.value());
    }

    @QueryMapping
    DataFetcherResult<Window<Person>> people(@Argument @Nullable FilterInput filter, ScrollSubrange subrange) {
        PeopleFilter criteria = filter == null ? PeopleFilter.ALL : filter.toFilter();
        return people.list(ActorAuthentication.current(), criteria, subrange);
    }

    @BatchMapping(typeName = "Viewer", field = "person")
    Map<Actor, @Nullable Person> viewerPerson(List<Actor> viewers) {
        return BatchJoins.toOne(viewers, Actor::personId, this::visible, Person::id);
    }

    @BatchMapping(typeName = "Person", field = "manager")
    Map<Person, @Nullable Person> manager(List<Person> persons) {
        return BatchJoins.toOne(persons, Person::managerId, this::visible, Person::id);
    }

    @BatchMapping(typeName = "Person", field = "directReports")
    Map<Person, List<Person>> directReports(List<Person> persons) {
        return BatchJoins.toMany(persons, Person::id, ids -> people.directReports(ActorAuthentication.current(), ids));
    }

    /** Null for people the caller may not see in detail; an empty list for those with no account. */
    @BatchMapping(typeName = "Person", field = "externalAccounts")
    Map<Person, @Nullable List<ExternalAccount>> externalAccounts(List<Person> persons) {
        Map<UUID, List<ExternalAccount>> linked = accounts.externalAccounts(ActorAuthentication.current(), persons);
        return BatchJoins.toManyWhereVisible(persons, Person::detailed, Person::id, linked);
    }

    @SchemaMapping(typeName = "ExternalAccount", field = "identityProviderId")
    @Nullable
    String identityProviderId(ExternalAccount account) {
        return account.identityProviderId() == null
                ? null
                : GlobalId.encode("IdentityProvider", account.identityProviderId());
    }

    @MutationMapping
    PersonPayload createPerson(@Argument PersonInput input) {
        return new PersonPayload(changes.create(ActorAuthentication.current(), input), List.of());
    }

    @MutationMapping
    PersonPayload updatePerson(@Argument UpdateInput input) {
        return new PersonPayload(
                changes.update(ActorAuthentication.current(), input.id().value(), input.changes()), List.of());
    }

    @MutationMapping
    PersonPayload setManager(@Argument ManagerInput input) {
        return new PersonPayload(
                changes.setManager(
                        ActorAuthentication.current(), input.personId().value(), input.manager()),
                List.of());
    }

    @MutationMapping
    PersonPayload deactivatePerson(@Argument IdInput input) {
        return new PersonPayload(
                changes.setStatus(ActorAuthentication.current(), input.id().value(), PersonStatus.DEACTIVATED),
                List.of());
    }

    @MutationMapping
    PersonPayload reactivatePerson(@Argument IdInput input) {
        return new PersonPayload(
                changes.setStatus(ActorAuthentication.current(), input.id().value(), PersonStatus.ACTIVE), List.of());
    }

    @MutationMapping
    AccountPayload linkExternalAccount(@Argument LinkInput input) {
        return new AccountPayload(
                accounts.link(
                        ActorAuthentication.current(),
                        input.personId().value(),
                        input.provider(),
                        Ids.valueOf(input.identityProviderId()),
                        input.account()),
                List.of());
    }

    @MutationMapping
    AccountPayload unlinkExternalAccount(@Argument AccountIdInput input) {
        return new AccountPayload(
                accounts.unlink(ActorAuthentication.current(), input.id().value()), List.of());
    }

    private List<Person> visible(List<UUID> ids) {
        return people.getAll(ActorAuthentication.current(), ids);
    }

    record FilterInput(
            @Nullable TeamId teamId,
            @Nullable PersonId managerId,
            @Nullable Boolean includeIndirectReports,
            @Nullable PersonStatus status,
            @Nullable String search) {

        PeopleFilter toFilter() {
            return new PeopleFilter(
                    Ids.valueOf(teamId),
                    Ids.valueOf(managerId),
                    Boolean.TRUE.equals(includeIndirectReports),
                    status,
                    search == null || search.isBlank() ? null : search.strip());
        }
    }

    /** Omitted fields stay, null clears an optional one ({@link Change}). */
    record UpdateInput(
            PersonId id,
            ArgumentValue<String> displayName,
            ArgumentValue<String> email,
            ArgumentValue<String> title,
            ArgumentValue<String> timeZone,
            ArgumentValue<String> userName,
            ArgumentValue<String> externalId,
            ArgumentValue<List<Role>> roles) {

        PersonUpdate changes() {
            return new PersonUpdate(
                    Change.of(displayName),
                    Change.of(email),
                    Change.of(title),
                    Change.of(timeZone),
                    Change.of(userName),
                    Change.of(externalId),
                    Change.of(roles));
        }
    }

    /** An omitted manager stays, null clears it. */
    record ManagerInput(PersonId personId, ArgumentValue<PersonId> managerId) {

        Change<UUID> manager() {
            return Change.of(managerId).map(PersonId::value);
        }
    }

    record IdInput(PersonId id) {}

    record AccountIdInput(ExternalAccountId id) {}

    record LinkInput(
            PersonId personId,
            ExternalAccount.Provider provider,
            @Nullable IdentityProviderId identityProviderId,
            String account) {}

    record PersonPayload(Person person, List<UserError> userErrors) {}

    record AccountPayload(ExternalAccount externalAccount, List<UserError> userErrors) {}
}
