package org.trellis.api.people;

import static org.trellis.persistence.jooq.Tables.EXTERNAL_ACCOUNT;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** External account links of the transaction's tenant. */
@Repository
class ExternalAccounts {

    private final DSLContext db;

    ExternalAccounts(DSLContext db) {
        this.db = db;
    }

    List<ExternalAccount> findByPeople(Collection<UUID> personIds) {
        return db.selectFrom(EXTERNAL_ACCOUNT)
                .where(EXTERNAL_ACCOUNT.PERSON_ID.in(personIds))
                .orderBy(EXTERNAL_ACCOUNT.PROVIDER, EXTERNAL_ACCOUNT.ACCOUNT)
                .fetch(ExternalAccounts::toAccount);
    }

    Optional<ExternalAccount> findById(UUID id) {
        return db.selectFrom(EXTERNAL_ACCOUNT)
                .where(EXTERNAL_ACCOUNT.ID.eq(id))
                .fetchOptional(ExternalAccounts::toAccount);
    }

    Optional<ExternalAccount> find(
            ExternalAccount.Provider provider, @Nullable UUID identityProviderId, String account) {
        return db.selectFrom(EXTERNAL_ACCOUNT)
                .where(EXTERNAL_ACCOUNT.PROVIDER.eq(provider.name()))
                .and(
                        identityProviderId == null
                                ? EXTERNAL_ACCOUNT.IDENTITY_PROVIDER_ID.isNull()
                                : EXTERNAL_ACCOUNT.IDENTITY_PROVIDER_ID.eq(identityProviderId))
                .and(EXTERNAL_ACCOUNT.ACCOUNT.eq(account))
                .fetchOptional(ExternalAccounts::toAccount);
    }

    ExternalAccount insert(
            UUID tenantId,
            UUID personId,
            ExternalAccount.Provider provider,
            @Nullable UUID identityProviderId,
            String account) {
        return db.insertInto(EXTERNAL_ACCOUNT)
                .set(EXTERNAL_ACCOUNT.TENANT_ID, tenantId)
                .set(EXTERNAL_ACCOUNT.ID, UUID.randomUUID())
                .set(EXTERNAL_ACCOUNT.PERSON_ID, personId)
                .set(EXTERNAL_ACCOUNT.PROVIDER, provider.name())
                .set(EXTERNAL_ACCOUNT.IDENTITY_PROVIDER_ID, identityProviderId)
                .set(EXTERNAL_ACCOUNT.ACCOUNT, account)
                .returning()
                .fetchSingle(ExternalAccounts::toAccount);
    }

    void delete(UUID id) {
        db.deleteFrom(EXTERNAL_ACCOUNT).where(EXTERNAL_ACCOUNT.ID.eq(id)).execute();
    }

    private static ExternalAccount toAccount(Record row) {
        return new ExternalAccount(
                row.get(EXTERNAL_ACCOUNT.ID),
                row.get(EXTERNAL_ACCOUNT.PERSON_ID),
                ExternalAccount.Provider.valueOf(row.get(EXTERNAL_ACCOUNT.PROVIDER)),
                row.get(EXTERNAL_ACCOUNT.IDENTITY_PROVIDER_ID),
                row.get(EXTERNAL_ACCOUNT.ACCOUNT),
                row.get(EXTERNAL_ACCOUNT.CREATED_AT));
    }
}
