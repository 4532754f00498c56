package org.trellis.api.people;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.trellis.persistence.jooq.Tables.PERSON;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.CommonTableExpression;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.trellis.api.shared.Role;
import org.trellis.persistence.jooq.tables.records.PersonRecord;

/** People of the transaction's tenant (row-level security adds the tenant to every statement). */
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

    /** These people, selected with {@link PersonRows#columns} and viewed as the caller may see them. */
    List<Person> findByIds(Collection<UUID> ids, PersonRows rows) {
        return db.select(rows.columns()).from(PERSON).where(PERSON.ID.in(ids)).fetch(rows::person);
    }

    /** The first {@code perManager} direct reports by name of each of these managers. */
    List<Person> findByManagers(Collection<UUID> managerIds, int perManager) {
        Table<?> ranked = select(
                        PERSON.ID,
                        DSL.rowNumber()
                                .over(DSL.partitionBy(PERSON.MANAGER_ID).orderBy(lower(PERSON.DISPLAY_NAME), PERSON.ID))
                                .as("rank"))
                .from(PERSON)
                .where(PERSON.MANAGER_ID.in(managerIds))
                .asTable("ranked");
        return db.selectFrom(PERSON)
                .where(PERSON.ID.in(select(ranked.field(PERSON.ID))
                        .from(ranked)
                        .where(ranked.field("rank", Integer.class).le(perManager))))
                .orderBy(lower(PERSON.DISPLAY_NAME), PERSON.ID)
                .fetch(People::toPerson);
    }

    static final Field<UUID> CHAIN_ID = field(name("chain", "id"), UUID.class);
    private static final Field<Integer> CHAIN_DEPTH = field(name("chain", "depth"), Integer.class);

    // Aliased, so that a personId of another statement's own person table is never taken for this one's; built once
    // (jOOQ's tables are immutable), as building an alias copies every field of the table.
    private static final org.trellis.persistence.jooq.tables.Person CHAIN_START = PERSON.as("chain_start");
    private static final org.trellis.persistence.jooq.tables.Person CHAIN_NEXT = PERSON.as("chain_next");

    /**
     * The managers of the person in {@code personId}, walking up the line ({@code chain(id, depth)}, nearest at depth
     * 1; at most 50 levels, and a loop, which updates refuse, stops at its first repeat): the work is bounded by the
     * line's depth, not by how many people anyone manages. {@code personId} may be another statement's column.
     */
    static CommonTableExpression<Record2<UUID, Integer>> managersOf(Field<UUID> personId) {
        var first = CHAIN_START;
        var next = CHAIN_NEXT;
        return name("chain")
                .fields("id", "depth")
                .as(select(first.MANAGER_ID, DSL.inline(1))
                        .from(first)
                        .where(first.ID.eq(personId))
                        .and(first.MANAGER_ID.isNotNull())
                        .union(select(next.MANAGER_ID, CHAIN_DEPTH.plus(1))
                                .from(next)
                                .join(name("chain"))
                                .on(next.ID.eq(CHAIN_ID))
                                .where(next.MANAGER_ID.isNotNull())
                                .and(CHAIN_DEPTH.lt(50))));
    }

    /** Ids of everyone below {@code managerId} in the reporting line (direct and indirect). */
    static Select<Record1<UUID>> reportsOf(UUID managerId) {
        Field<UUID> id = field(name("reports", "id"), UUID.class);
        CommonTableExpression<Record1<UUID>> reports = name("reports")
                .fields("id")
                .as(select(PERSON.ID)
                        .from(PERSON)
                        .where(PERSON.MANAGER_ID.eq(managerId))
                        .union(select(PERSON.ID)
                                .from(PERSON)
                                .join(name("reports"))
                                .on(PERSON.MANAGER_ID.eq(id))));
        return DSL.withRecursive(reports).select(id).from(reports);
    }

    /** The person's managers, nearest first (a loop, which updates refuse, would stop at the first repeat). */
    List<UUID> managerIds(UUID personId) {
        var managers = managersOf(DSL.val(personId));
        return db
                .withRecursive(managers)
                .select(CHAIN_ID)
                .from(managers)
                .orderBy(CHAIN_DEPTH)
                .fetch(0, UUID.class)
                .stream()
                .distinct()
                .filter(manager -> !manager.equals(personId))
                .toList();
    }

    List<UUID> reportIds(UUID managerId) {
        return db.fetch(reportsOf(managerId)).getValues(0, UUID.class);
    }

    Person insert(UUID tenantId, Profile profile, ProfileSource source) {
        PersonRecord row = db.newRecord(PERSON);
        row.setTenantId(tenantId).setId(UUID.randomUUID()).setProfileSource(source.name());
        apply(row, profile);
        return db.insertInto(PERSON).set(row).returning().fetchSingle(People::toPerson);
    }

    Person update(UUID id, Profile profile) {
        PersonRecord row = db.newRecord(PERSON);
        apply(row, profile);
        row.setUpdatedAt(Instant.now());
        return db.update(PERSON).set(row).where(PERSON.ID.eq(id)).returning().fetchSingle(People::toPerson);
    }

    /** Records who provisions the person from now on, and for which identity provider (SCIM). */
    Person setSource(UUID id, ProfileSource source, @Nullable UUID identityProviderId) {
        return db.update(PERSON)
                .set(PERSON.PROFILE_SOURCE, source.name())
                .set(PERSON.PROVISIONED_IDENTITY_PROVIDER_ID, identityProviderId)
                .where(PERSON.ID.eq(id))
                .returning()
                .fetchSingle(People::toPerson);
    }

    Person setManager(UUID id, @Nullable UUID managerId) {
        return db.update(PERSON)
                .set(PERSON.MANAGER_ID, managerId)
                .set(PERSON.UPDATED_AT, Instant.now())
                .where(PERSON.ID.eq(id))
                .returning()
                .fetchSingle(People::toPerson);
    }

    Person setStatus(UUID id, PersonStatus status) {
        return db.update(PERSON)
                .set(PERSON.STATUS, status.name())
                .set(PERSON.UPDATED_AT, Instant.now())
                .where(PERSON.ID.eq(id))
                .returning()
                .fetchSingle(People::toPerson);
    }

    /** Locks the person row for the rest of the transaction (serialises reporting-line changes). */
    void lockReportingLines() {
        db.execute("select pg_advisory_xact_lock(hashtext('trellis.reporting-lines:' || trellis_current_tenant()))");
    }

    private static void apply(PersonRecord row, Profile profile) {
        row.setDisplayName(profile.displayName())
                .setEmail(profile.email())
                .setTitle(profile.title())
                .setTimeZone(profile.timeZone())
                .setUserName(profile.userName())
                .setExternalId(profile.externalId())
                .setRoles(profile.roles().stream().map(Role::name).sorted().toArray(String[]::new));
    }

    /** The full person (details included); services redact per caller. */
    static Person toPerson(Record row) {
        Set<Role> granted = roles(row.get(PERSON.ROLES));
        Set<Role> mapped = roles(row.get(PERSON.MAPPED_ROLES));
        Set<Role> roles = EnumSet.of(Role.ENGINEER);
        roles.addAll(granted);
        roles.addAll(mapped);
        return new Person(
                row.get(PERSON.ID),
                row.get(PERSON.TENANT_ID),
                row.get(PERSON.DISPLAY_NAME),
                row.get(PERSON.TITLE),
                PersonStatus.valueOf(row.get(PERSON.STATUS)),
                row.get(PERSON.MANAGER_ID),
                row.get(PERSON.CREATED_AT),
                true,
                row.get(PERSON.EMAIL),
                row.get(PERSON.USER_NAME),
                row.get(PERSON.EXTERNAL_ID),
                row.get(PERSON.TIME_ZONE),
                roles,
                granted,
                mapped,
                ProfileSource.valueOf(row.get(PERSON.PROFILE_SOURCE)),
                row.get(PERSON.SCIM_DELETED_AT) != null);
    }

    private static Set<Role> roles(String[] names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(names).map(Role::valueOf).forEach(roles::add);
        return roles;
    }
}
