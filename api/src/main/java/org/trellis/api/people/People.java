package org.trellis.api.people;

import static org.trellis.persistence.jooq.Tables.PERSON;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import org.trellis.api.shared.Role;

/** Queries on people. Row-level security limits every statement to the transaction's tenant. */
@Repository
class People {

    private final DSLContext db;

    People(DSLContext db) {
        this.db = db;
    }

    Optional<Person> findById(UUID id) {
        return db.selectFrom(PERSON).where(PERSON.ID.eq(id)).fetchOptional(People::toPerson);
    }

    List<Person> findByIds(Collection<UUID> ids) {
        return db.selectFrom(PERSON).where(PERSON.ID.in(ids)).fetch(People::toPerson);
    }

    Optional<Person> findBySubject(UUID identityProviderId, String subject) {
        return db.selectFrom(PERSON)
                .where(PERSON.IDENTITY_PROVIDER_ID.eq(identityProviderId))
                .and(PERSON.SUBJECT.eq(subject))
                .fetchOptional(People::toPerson);
    }

    Person insert(SignIn signIn, String displayName, Set<Role> roles) {
        return db.insertInto(PERSON)
                .set(PERSON.TENANT_ID, signIn.tenantId())
                .set(PERSON.ID, UUID.randomUUID())
                .set(PERSON.IDENTITY_PROVIDER_ID, signIn.identityProviderId())
                .set(PERSON.SUBJECT, signIn.subject())
                .set(PERSON.EMAIL, signIn.email())
                .set(PERSON.DISPLAY_NAME, displayName)
                .set(PERSON.ROLES, names(roles))
                .onConflict(PERSON.TENANT_ID, PERSON.IDENTITY_PROVIDER_ID, PERSON.SUBJECT)
                .doNothing()
                .returning()
                .fetchOptional(People::toPerson)
                // A concurrent first sign-in of the same person won the insert: use theirs.
                .orElseGet(() -> findBySubject(signIn.identityProviderId(), signIn.subject())
                        .orElseThrow());
    }

    Person updateProfile(UUID id, String email, String displayName, Set<Role> roles) {
        return db.update(PERSON)
                .set(PERSON.EMAIL, email)
                .set(PERSON.DISPLAY_NAME, displayName)
                .set(PERSON.ROLES, names(roles))
                .set(PERSON.UPDATED_AT, java.time.Instant.now())
                .where(PERSON.ID.eq(id))
                .returning()
                .fetchSingle(People::toPerson);
    }

    static Person toPerson(Record row) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(row.get(PERSON.ROLES)).map(Role::valueOf).forEach(roles::add);
        return new Person(
                row.get(PERSON.ID),
                row.get(PERSON.TENANT_ID),
                row.get(PERSON.DISPLAY_NAME),
                row.get(PERSON.EMAIL),
                roles,
                PersonStatus.valueOf(row.get(PERSON.STATUS)),
                row.get(PERSON.CREATED_AT));
    }

    private static String[] names(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toArray(String[]::new);
    }
}
