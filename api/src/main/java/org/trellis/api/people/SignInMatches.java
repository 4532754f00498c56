package org.trellis.api.people;

import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.selectFrom;
import static org.trellis.persistence.jooq.Tables.EXTERNAL_ACCOUNT;
import static org.trellis.persistence.jooq.Tables.PERSON;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Select;
import org.springframework.stereotype.Repository;
import org.trellis.api.shared.Role;

/** The queries of just-in-time sign-in: who a token's subject is, and whom a first sign-in may claim. */
@Repository
class SignInMatches {

    private final DSLContext db;

    SignInMatches(DSLContext db) {
        this.db = db;
    }

    /** The person signed in through this provider with this subject. */
    Optional<Person> findBySignIn(UUID identityProviderId, String subject) {
        return db.select(PERSON.fields())
                .from(PERSON)
                .join(EXTERNAL_ACCOUNT)
                .on(EXTERNAL_ACCOUNT.PERSON_ID.eq(PERSON.ID))
                .where(EXTERNAL_ACCOUNT.IDENTITY_PROVIDER_ID.eq(identityProviderId))
                .and(EXTERNAL_ACCOUNT.ACCOUNT.eq(subject))
                .fetchOptionalInto(PERSON)
                .map(People::toPerson);
    }

    /**
     * The person SCIM provisioned for this identity provider with this subject as external id, if no sign-in
     * account is linked to them yet and SCIM has not deleted them.
     */
    Optional<Person> findProvisionedFor(UUID identityProviderId, String subject) {
        return db.selectFrom(PERSON)
                .where(PERSON.PROVISIONED_IDENTITY_PROVIDER_ID.eq(identityProviderId))
                .and(PERSON.EXTERNAL_ID.eq(subject))
                .and(PERSON.SCIM_DELETED_AT.isNull())
                .andNotExists(signInAccountOf(PERSON.ID))
                .fetchOptional(People::toPerson);
    }

    /** People with this email (ignoring case), no sign-in account of any provider, not deleted by SCIM; two at most. */
    List<Person> findUnlinkedByEmail(String email) {
        return db.selectFrom(PERSON)
                .where(lower(PERSON.EMAIL).eq(email.toLowerCase(Locale.ROOT)))
                .and(PERSON.SCIM_DELETED_AT.isNull())
                .andNotExists(signInAccountOf(PERSON.ID))
                .limit(2)
                .fetch(People::toPerson);
    }

    private static Select<?> signInAccountOf(Field<UUID> personId) {
        return selectFrom(EXTERNAL_ACCOUNT)
                .where(EXTERNAL_ACCOUNT.PERSON_ID.eq(personId))
                .and(EXTERNAL_ACCOUNT.PROVIDER.eq(ExternalAccount.Provider.IDENTITY_PROVIDER.name()));
    }

    /** Replaces the roles the identity provider's mappings give (sign-in only). */
    Person setIdentityProviderRoles(UUID id, Set<Role> roles) {
        return db.update(PERSON)
                .set(
                        PERSON.MAPPED_ROLES,
                        roles.stream().map(Role::name).sorted().toArray(String[]::new))
                .set(PERSON.UPDATED_AT, Instant.now())
                .where(PERSON.ID.eq(id))
                .returning()
                .fetchSingle(People::toPerson);
    }

    /** Serialises first sign-ins of one subject, so concurrent first requests create one person. */
    void lockSignIn(UUID identityProviderId, String subject) {
        db.execute(
                "select pg_advisory_xact_lock(hashtextextended(?, 0))",
                "trellis.sign-in:" + identityProviderId + ":" + subject);
    }
}
