package org.trellis.api.people;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.NotFoundException;
import org.trellis.api.shared.PrincipalChanges;
import org.trellis.api.shared.Validation;
import org.trellis.graphql.UserError.Code;

/**
 * People's accounts elsewhere: sign-in subjects of identity providers, GitHub logins, PagerDuty users. Linking or
 * unlinking a sign-in account decides who a token becomes, so {@link PeoplePolicy} keeps it to tenant admins and
 * announces it to every instance's sign-in cache.
 */
@Service
public class ExternalAccountService {

    private final People people;
    private final ExternalAccounts accounts;
    private final AuditTrail audit;
    private final PrincipalChanges principals;

    ExternalAccountService(People people, ExternalAccounts accounts, AuditTrail audit, PrincipalChanges principals) {
        this.people = people;
        this.accounts = accounts;
        this.audit = audit;
        this.principals = principals;
    }

    /** The person an account elsewhere (a GitHub login, a PagerDuty user) is linked to, if any. */
    @Transactional(readOnly = true)
    public Optional<UUID> linkedPerson(Actor actor, ExternalAccount.Provider provider, String account) {
        PeoplePolicy.requireRead(actor);
        String key = provider == ExternalAccount.Provider.GITHUB ? account.toLowerCase(Locale.ROOT) : account;
        return accounts.find(provider, null, key).map(ExternalAccount::personId);
    }

    /** External accounts of the people the caller may see in detail; empty for the others. */
    @Transactional(readOnly = true)
    public Map<UUID, List<ExternalAccount>> externalAccounts(Actor actor, Collection<Person> subjects) {
        PeoplePolicy.requireRead(actor);
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
    public ExternalAccount link(
            Actor actor,
            UUID personId,
            ExternalAccount.Provider provider,
            @Nullable UUID identityProviderId,
            String account) {
        PeoplePolicy.requireWrite(actor);
        PeoplePolicy.requireSignInAccountChange(actor, provider);
        people.findById(personId).orElseThrow(() -> new NotFoundException("Person"));
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
        PeoplePolicy.requireWrite(actor);
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
}
