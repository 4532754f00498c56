package org.trellis.api.people;

import static org.jooq.impl.DSL.lower;
import static org.trellis.persistence.jooq.Tables.PERSON;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/**
 * People as SCIM sees them: pages matching its filters, and whether a user name or external id is taken (RLS adds the
 * tenant). People deleted through SCIM are none of them: their user name and external id are free again.
 */
@Repository
class ExactPeople {

    private final DSLContext db;

    ExactPeople(DSLContext db) {
        this.db = db;
    }

    /**
     * {@code limit} people from {@code offset} matching a condition on {@code PERSON} built by the caller (SCIM's
     * filters), oldest first; people deleted through SCIM never match.
     */
    List<Person> matching(Condition condition, long offset, int limit) {
        return db.selectFrom(PERSON)
                .where(PERSON.SCIM_DELETED_AT.isNull())
                .and(condition)
                .orderBy(PERSON.CREATED_AT, PERSON.ID)
                .offset(offset)
                .limit(limit)
                .fetch(People::toPerson);
    }

    int countMatching(Condition condition) {
        return db.fetchCount(PERSON, PERSON.SCIM_DELETED_AT.isNull().and(condition));
    }

    boolean userNameTaken(String userName, @Nullable UUID except) {
        return db.fetchExists(
                PERSON,
                lower(PERSON.USER_NAME)
                        .eq(userName.toLowerCase(Locale.ROOT))
                        .and(PERSON.SCIM_DELETED_AT.isNull())
                        .and(except == null ? DSL.noCondition() : PERSON.ID.ne(except)));
    }

    boolean externalIdTaken(String externalId, @Nullable UUID except) {
        return db.fetchExists(
                PERSON,
                PERSON.EXTERNAL_ID
                        .eq(externalId)
                        .and(PERSON.SCIM_DELETED_AT.isNull())
                        .and(except == null ? DSL.noCondition() : PERSON.ID.ne(except)));
    }

    /**
     * Marks a person deleted through SCIM (they must be deactivated already); false if they are not there or were
     * deleted already.
     */
    boolean markScimDeleted(UUID id) {
        return db.update(PERSON)
                        .set(PERSON.SCIM_DELETED_AT, Instant.now())
                        .set(PERSON.UPDATED_AT, Instant.now())
                        .where(PERSON.ID.eq(id))
                        .and(PERSON.SCIM_DELETED_AT.isNull())
                        .execute()
                > 0;
    }
}
