package org.trellis.api.tenancy;

import static org.trellis.persistence.jooq.Tables.SERVICE_CLIENT;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** Service clients of the transaction's tenant. */
@Repository
class ServiceClients {

    private final DSLContext db;

    ServiceClients(DSLContext db) {
        this.db = db;
    }

    Optional<ServiceClient> findById(UUID id) {
        return db.selectFrom(SERVICE_CLIENT).where(SERVICE_CLIENT.ID.eq(id)).fetchOptional(ServiceClients::toClient);
    }

    Optional<ServiceClient> findBySubject(UUID identityProviderId, String subject) {
        return db.selectFrom(SERVICE_CLIENT)
                .where(SERVICE_CLIENT.IDENTITY_PROVIDER_ID.eq(identityProviderId))
                .and(SERVICE_CLIENT.SUBJECT.eq(subject))
                .fetchOptional(ServiceClients::toClient);
    }

    List<ServiceClient> findByProviders(Collection<UUID> identityProviderIds) {
        return db.selectFrom(SERVICE_CLIENT)
                .where(SERVICE_CLIENT.IDENTITY_PROVIDER_ID.in(identityProviderIds))
                .orderBy(SERVICE_CLIENT.CREATED_AT, SERVICE_CLIENT.ID)
                .fetch(ServiceClients::toClient);
    }

    ServiceClient insert(UUID tenantId, UUID identityProviderId, String subject, String name, Set<String> scopes) {
        return db.insertInto(SERVICE_CLIENT)
                .set(SERVICE_CLIENT.TENANT_ID, tenantId)
                .set(SERVICE_CLIENT.ID, UUID.randomUUID())
                .set(SERVICE_CLIENT.IDENTITY_PROVIDER_ID, identityProviderId)
                .set(SERVICE_CLIENT.SUBJECT, subject)
                .set(SERVICE_CLIENT.NAME, name)
                .set(SERVICE_CLIENT.SCOPES, scopes.stream().sorted().toArray(String[]::new))
                .returning()
                .fetchSingle(ServiceClients::toClient);
    }

    ServiceClient disable(UUID id) {
        return db.update(SERVICE_CLIENT)
                .set(SERVICE_CLIENT.STATUS, IdentityProvider.Status.DISABLED.name())
                .set(SERVICE_CLIENT.UPDATED_AT, Instant.now())
                .where(SERVICE_CLIENT.ID.eq(id))
                .returning()
                .fetchSingle(ServiceClients::toClient);
    }

    private static ServiceClient toClient(Record row) {
        return new ServiceClient(
                row.get(SERVICE_CLIENT.ID),
                row.get(SERVICE_CLIENT.TENANT_ID),
                row.get(SERVICE_CLIENT.IDENTITY_PROVIDER_ID),
                row.get(SERVICE_CLIENT.SUBJECT),
                row.get(SERVICE_CLIENT.NAME),
                Set.of(row.get(SERVICE_CLIENT.SCOPES)),
                IdentityProvider.Status.valueOf(row.get(SERVICE_CLIENT.STATUS)),
                row.get(SERVICE_CLIENT.CREATED_AT));
    }
}
