package org.trellis.api.tenancy;

import static org.trellis.persistence.jooq.Tables.TENANT;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.trellis.api.shared.KeysetOrder;
import org.trellis.api.shared.Paged;
import org.trellis.graphql.KeysetWindows;

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

    /** Oldest first, then by id. */
    private static final KeysetOrder OLDEST = KeysetOrder.of(
            KeysetOrder.ascending("createdAt", TENANT.CREATED_AT), KeysetOrder.ascending("id", TENANT.ID));

    /** A page of every tenant, oldest first. */
    Paged<Tenant> page(KeysetWindows.Page page) {
        return Paged.of(
                OLDEST.page(sort -> db.selectFrom(TENANT).orderBy(sort), page).fetch(Tenants::toTenant),
                db,
                TENANT,
                DSL.noCondition());
    }

    /** A tenant's cursor keys in {@link #page}. */
    static Map<String, String> keys(Tenant tenant) {
        return OLDEST.keys(tenant.createdAt(), tenant.id());
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
