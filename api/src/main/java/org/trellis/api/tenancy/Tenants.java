package org.trellis.api.tenancy;

import static org.trellis.persistence.jooq.Tables.TENANT;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** The tenant registry (a platform table: callers filter by tenant themselves). */
@Repository
class Tenants {

    private final DSLContext db;

    Tenants(DSLContext db) {
        this.db = db;
    }

    Optional<Tenant> findById(UUID id) {
        return db.selectFrom(TENANT).where(TENANT.ID.eq(id)).fetchOptional(Tenants::toTenant);
    }

    List<Tenant> findByIds(Collection<UUID> ids) {
        return db.selectFrom(TENANT).where(TENANT.ID.in(ids)).fetch(Tenants::toTenant);
    }

    boolean slugTaken(String slug) {
        return db.fetchExists(TENANT, TENANT.SLUG.eq(slug));
    }

    /** Oldest first; reads {@code limit} rows from {@code offset}. */
    List<Tenant> page(long offset, int limit) {
        return db.selectFrom(TENANT)
                .orderBy(TENANT.CREATED_AT, TENANT.ID)
                .offset(offset)
                .limit(limit)
                .fetch(Tenants::toTenant);
    }

    Tenant insert(String slug, String name) {
        return db.insertInto(TENANT)
                .set(TENANT.ID, UUID.randomUUID())
                .set(TENANT.SLUG, slug)
                .set(TENANT.NAME, name)
                .returning()
                .fetchSingle(Tenants::toTenant);
    }

    private static Tenant toTenant(Record row) {
        return new Tenant(
                row.get(TENANT.ID),
                row.get(TENANT.SLUG),
                row.get(TENANT.NAME),
                TenantStatus.valueOf(row.get(TENANT.STATUS)),
                row.get(TENANT.CREATED_AT));
    }
}
