package org.trellis.api.scim;

import static org.trellis.persistence.jooq.Tables.SCIM_CREDENTIAL;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** SCIM credentials of the transaction's tenant, found by the hash of their secret. */
@Repository
class ScimCredentials {

    private final DSLContext db;

    ScimCredentials(DSLContext db) {
        this.db = db;
    }

    /** The newest {@code limit} credentials, working ones first (revoked ones pile up with every rotation). */
    List<ScimCredential> newest(int limit) {
        return db.selectFrom(SCIM_CREDENTIAL)
                .orderBy(SCIM_CREDENTIAL.REVOKED_AT.isNull().desc(), SCIM_CREDENTIAL.CREATED_AT.desc())
                .limit(limit)
                .fetch(ScimCredentials::toCredential);
    }

    Optional<ScimCredential> findById(UUID id) {
        return db.selectFrom(SCIM_CREDENTIAL)
                .where(SCIM_CREDENTIAL.ID.eq(id))
                .fetchOptional(ScimCredentials::toCredential);
    }

    Optional<ScimCredential> findActiveByHash(String secretHash) {
        return db.selectFrom(SCIM_CREDENTIAL)
                .where(SCIM_CREDENTIAL.SECRET_HASH.eq(secretHash))
                .and(SCIM_CREDENTIAL.REVOKED_AT.isNull())
                .fetchOptional(ScimCredentials::toCredential);
    }

    ScimCredential insert(
            UUID tenantId, UUID id, String name, @Nullable UUID identityProviderId, String secretHash, String hint) {
        return db.insertInto(SCIM_CREDENTIAL)
                .set(SCIM_CREDENTIAL.TENANT_ID, tenantId)
                .set(SCIM_CREDENTIAL.ID, id)
                .set(SCIM_CREDENTIAL.NAME, name)
                .set(SCIM_CREDENTIAL.IDENTITY_PROVIDER_ID, identityProviderId)
                .set(SCIM_CREDENTIAL.SECRET_HASH, secretHash)
                .set(SCIM_CREDENTIAL.SECRET_HINT, hint)
                .returning()
                .fetchSingle(ScimCredentials::toCredential);
    }

    ScimCredential revoke(UUID id) {
        return db.update(SCIM_CREDENTIAL)
                .set(SCIM_CREDENTIAL.REVOKED_AT, Instant.now())
                .where(SCIM_CREDENTIAL.ID.eq(id))
                .and(SCIM_CREDENTIAL.REVOKED_AT.isNull())
                .returning()
                .fetchOptional(ScimCredentials::toCredential)
                .orElseGet(() -> findById(id).orElseThrow());
    }

    /** Records use at most once a minute, so a busy provisioning run does not write on every request. */
    void touch(UUID id) {
        db.update(SCIM_CREDENTIAL)
                .set(SCIM_CREDENTIAL.LAST_USED_AT, Instant.now())
                .where(SCIM_CREDENTIAL.ID.eq(id))
                .and(SCIM_CREDENTIAL
                        .LAST_USED_AT
                        .isNull()
                        .or(SCIM_CREDENTIAL.LAST_USED_AT.lt(Instant.now().minusSeconds(60))))
                .execute();
    }

    private static ScimCredential toCredential(Record row) {
        return new ScimCredential(
                row.get(SCIM_CREDENTIAL.ID),
                row.get(SCIM_CREDENTIAL.TENANT_ID),
                row.get(SCIM_CREDENTIAL.NAME),
                row.get(SCIM_CREDENTIAL.IDENTITY_PROVIDER_ID),
                row.get(SCIM_CREDENTIAL.SECRET_HINT),
                row.get(SCIM_CREDENTIAL.CREATED_AT),
                row.get(SCIM_CREDENTIAL.LAST_USED_AT),
                row.get(SCIM_CREDENTIAL.REVOKED_AT));
    }
}
