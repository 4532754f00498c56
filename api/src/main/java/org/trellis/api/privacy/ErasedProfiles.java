package org.trellis.api.privacy;

import static org.trellis.persistence.jooq.Tables.EXTERNAL_ACCOUNT;
import static org.trellis.persistence.jooq.Tables.MENTORING_PRIVATE_NOTE;
import static org.trellis.persistence.jooq.Tables.PERSON;
import static org.trellis.persistence.jooq.Tables.SCIM_USER_ATTRIBUTES;
import static org.trellis.persistence.jooq.Tables.TEAM_MEMBER;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/**
 * The person's own row and what identifies them: the profile is kept (other records point at it) with every
 * identifying field cleared; sign-in and other external accounts, SCIM attributes, team memberships and their
 * private notes are deleted.
 */
@Repository
class ErasedProfiles {

    /** The display name an erased person keeps. */
    static final String ERASED_NAME = "Erased person";

    private final DSLContext db;

    ErasedProfiles(DSLContext db) {
        this.db = db;
    }

    /** What identifies the person (names, email, user name, external id, account names), locked for erasure. */
    Optional<Identity> lock(UUID person) {
        return db.select(
                        PERSON.DISPLAY_NAME,
                        PERSON.EMAIL,
                        PERSON.USER_NAME,
                        PERSON.EXTERNAL_ID,
                        PERSON.ERASED_AT,
                        PERSON.STATUS,
                        DSL.field(DSL.select(DSL.arrayAgg(EXTERNAL_ACCOUNT.ACCOUNT))
                                .from(EXTERNAL_ACCOUNT)
                                .where(
                                        EXTERNAL_ACCOUNT.TENANT_ID.eq(PERSON.TENANT_ID),
                                        EXTERNAL_ACCOUNT.PERSON_ID.eq(PERSON.ID))))
                .from(PERSON)
                .where(PERSON.ID.eq(person))
                .forUpdate()
                .of(PERSON)
                .fetchOptional(row -> {
                    List<String> identifiers = new ArrayList<>();
                    Stream.of(row.value1(), row.value2(), row.value3(), row.value4())
                            .forEach(identifiers::add);
                    if (row.value7() != null) {
                        identifiers.addAll(List.of(row.value7()));
                    }
                    return new Identity(
                            identifiers.stream().filter(value -> value != null).toList(),
                            row.value5(),
                            "ACTIVE".equals(row.value6()));
                });
    }

    /**
     * Marks the person erased (deactivated, SCIM-deleted), identifying fields still in place: from here until
     * {@link #erase} clears them, the database lets their audit summaries be redacted; returns when.
     */
    Instant markErased(UUID person) {
        return db.update(PERSON)
                .set(PERSON.STATUS, "DEACTIVATED")
                .set(PERSON.SCIM_DELETED_AT, DSL.coalesce(PERSON.SCIM_DELETED_AT, DSL.currentInstant()))
                .set(PERSON.ERASED_AT, DSL.currentInstant())
                .set(PERSON.UPDATED_AT, DSL.currentInstant())
                .where(PERSON.ID.eq(person))
                .returning(PERSON.ERASED_AT)
                .fetchSingle(PERSON.ERASED_AT);
    }

    /** Deletes what only identifies the (marked) person and clears their profile. */
    void erase(UUID person) {
        db.deleteFrom(MENTORING_PRIVATE_NOTE)
                .where(MENTORING_PRIVATE_NOTE.AUTHOR_ID.eq(person))
                .execute();
        db.deleteFrom(EXTERNAL_ACCOUNT)
                .where(EXTERNAL_ACCOUNT.PERSON_ID.eq(person))
                .execute();
        db.deleteFrom(SCIM_USER_ATTRIBUTES)
                .where(SCIM_USER_ATTRIBUTES.PERSON_ID.eq(person))
                .execute();
        db.deleteFrom(TEAM_MEMBER).where(TEAM_MEMBER.PERSON_ID.eq(person)).execute();
        db.update(PERSON)
                .set(PERSON.DISPLAY_NAME, ERASED_NAME)
                .setNull(PERSON.EMAIL)
                .setNull(PERSON.USER_NAME)
                .setNull(PERSON.EXTERNAL_ID)
                .setNull(PERSON.TITLE)
                .setNull(PERSON.TIME_ZONE)
                .setNull(PERSON.MANAGER_ID)
                .setNull(PERSON.PROVISIONED_IDENTITY_PROVIDER_ID)
                .set(PERSON.ROLES, new String[0])
                .set(PERSON.MAPPED_ROLES, new String[0])
                .where(PERSON.ID.eq(person))
                .execute();
    }

    /**
     * @param identifiers every text that names the person (to find it in audit summaries)
     * @param erasedAt when they were erased, null if not yet
     */
    record Identity(List<String> identifiers, @Nullable Instant erasedAt, boolean active) {}
}
