package org.trellis.api.frameworks;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.max;
import static org.trellis.persistence.jooq.Tables.FRAMEWORK;
import static org.trellis.persistence.jooq.Tables.FRAMEWORK_VERSION;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.trellis.api.shared.ConflictException;
import org.trellis.api.shared.NotFoundException;

/** Frameworks of the transaction's tenant and their versions; the versions' content is {@link FrameworkContents}. */
@Repository
class Frameworks {

    private final DSLContext db;

    Frameworks(DSLContext db) {
        this.db = db;
    }

    List<Framework> all() {
        return db.selectFrom(FRAMEWORK).orderBy(lower(FRAMEWORK.NAME)).fetch(Frameworks::toFramework);
    }

    List<Framework> findByIds(Collection<UUID> ids) {
        return db.selectFrom(FRAMEWORK).where(FRAMEWORK.ID.in(ids)).fetch(Frameworks::toFramework);
    }

    Optional<Framework> findByName(String name) {
        return db.selectFrom(FRAMEWORK)
                .where(lower(FRAMEWORK.NAME).eq(name.toLowerCase(Locale.ROOT)))
                .fetchOptional(Frameworks::toFramework);
    }

    Framework insertFramework(UUID tenantId, String name, @Nullable String description) {
        return db.insertInto(FRAMEWORK)
                .set(FRAMEWORK.TENANT_ID, tenantId)
                .set(FRAMEWORK.ID, UUID.randomUUID())
                .set(FRAMEWORK.NAME, name)
                .set(FRAMEWORK.DESCRIPTION, description)
                .returning()
                .fetchSingle(Frameworks::toFramework);
    }

    Optional<FrameworkVersion> version(UUID id) {
        return db.selectFrom(FRAMEWORK_VERSION)
                .where(FRAMEWORK_VERSION.ID.eq(id))
                .fetchOptional(Frameworks::toVersion);
    }

    /** The version, or NOT_FOUND. */
    FrameworkVersion existingVersion(UUID id) {
        return version(id).orElseThrow(() -> new NotFoundException("Framework version"));
    }

    /**
     * The version, locked until the transaction ends, or NOT_FOUND: what edits a draft's content and what changes a
     * version's status take it first, so an edit never lands in a version that was published meanwhile (published
     * content is kept in memory as never changing).
     */
    FrameworkVersion lockedVersion(UUID id) {
        return db.selectFrom(FRAMEWORK_VERSION)
                .where(FRAMEWORK_VERSION.ID.eq(id))
                .forUpdate()
                .fetchOptional(Frameworks::toVersion)
                .orElseThrow(() -> new NotFoundException("Framework version"));
    }

    List<FrameworkVersion> versions(Collection<UUID> ids) {
        return db.selectFrom(FRAMEWORK_VERSION)
                .where(FRAMEWORK_VERSION.ID.in(ids))
                .fetch(Frameworks::toVersion);
    }

    List<FrameworkVersion> versionsOf(Collection<UUID> frameworkIds) {
        return db.selectFrom(FRAMEWORK_VERSION)
                .where(FRAMEWORK_VERSION.FRAMEWORK_ID.in(frameworkIds))
                .orderBy(FRAMEWORK_VERSION.NUMBER)
                .fetch(Frameworks::toVersion);
    }

    boolean hasDraft(UUID frameworkId) {
        return db.fetchExists(
                FRAMEWORK_VERSION,
                FRAMEWORK_VERSION.FRAMEWORK_ID.eq(frameworkId).and(FRAMEWORK_VERSION.STATUS.eq("DRAFT")));
    }

    /** The {@code @listSize} of {@code Framework.versions} in frameworks.graphqls. */
    static final int MAX_VERSIONS = 100;

    /** A new draft keeps its source's readiness policy (the readiness feature owns the columns' meaning). */
    void copyReadinessPolicy(UUID fromVersionId, UUID toVersionId) {
        var source = FRAMEWORK_VERSION.as("source");
        db.update(FRAMEWORK_VERSION)
                .set(
                        org.jooq.impl.DSL.row(
                                FRAMEWORK_VERSION.READINESS_MIN_MET_PERCENT,
                                FRAMEWORK_VERSION.READINESS_NEARLY_PERCENT,
                                FRAMEWORK_VERSION.READINESS_SUSTAIN_MONTHS),
                        org.jooq
                                .impl
                                .DSL
                                .select(
                                        source.READINESS_MIN_MET_PERCENT,
                                        source.READINESS_NEARLY_PERCENT,
                                        source.READINESS_SUSTAIN_MONTHS)
                                .from(source)
                                .where(source.ID.eq(fromVersionId)))
                .where(FRAMEWORK_VERSION.ID.eq(toVersionId))
                .execute();
    }

    FrameworkVersion insertVersion(
            UUID tenantId, UUID frameworkId, FrameworkVersion.Status status, @Nullable String guidance) {
        int number = db.select(coalesce(max(FRAMEWORK_VERSION.NUMBER), 0))
                        .from(FRAMEWORK_VERSION)
                        .where(FRAMEWORK_VERSION.FRAMEWORK_ID.eq(frameworkId))
                        .fetchSingle()
                        .value1()
                + 1;
        if (number > MAX_VERSIONS) {
            throw new ConflictException("A framework keeps at most " + MAX_VERSIONS + " versions.");
        }
        return db.insertInto(FRAMEWORK_VERSION)
                .set(FRAMEWORK_VERSION.TENANT_ID, tenantId)
                .set(FRAMEWORK_VERSION.ID, UUID.randomUUID())
                .set(FRAMEWORK_VERSION.FRAMEWORK_ID, frameworkId)
                .set(FRAMEWORK_VERSION.NUMBER, number)
                .set(FRAMEWORK_VERSION.STATUS, status.name())
                .set(FRAMEWORK_VERSION.GUIDANCE, guidance)
                .set(FRAMEWORK_VERSION.PUBLISHED_AT, status == FrameworkVersion.Status.PUBLISHED ? Instant.now() : null)
                .returning()
                .fetchSingle(Frameworks::toVersion);
    }

    FrameworkVersion setStatus(UUID id, FrameworkVersion.Status status) {
        var update = db.update(FRAMEWORK_VERSION).set(FRAMEWORK_VERSION.STATUS, status.name());
        var withTime = status == FrameworkVersion.Status.PUBLISHED
                ? update.set(FRAMEWORK_VERSION.PUBLISHED_AT, Instant.now())
                : update.set(FRAMEWORK_VERSION.RETIRED_AT, Instant.now());
        return withTime.where(FRAMEWORK_VERSION.ID.eq(id)).returning().fetchSingle(Frameworks::toVersion);
    }

    private static Framework toFramework(Record row) {
        return new Framework(
                row.get(FRAMEWORK.ID),
                row.get(FRAMEWORK.NAME),
                row.get(FRAMEWORK.DESCRIPTION),
                row.get(FRAMEWORK.CREATED_AT));
    }

    private static FrameworkVersion toVersion(Record row) {
        return new FrameworkVersion(
                row.get(FRAMEWORK_VERSION.ID),
                row.get(FRAMEWORK_VERSION.FRAMEWORK_ID),
                row.get(FRAMEWORK_VERSION.NUMBER),
                FrameworkVersion.Status.valueOf(row.get(FRAMEWORK_VERSION.STATUS)),
                row.get(FRAMEWORK_VERSION.GUIDANCE),
                row.get(FRAMEWORK_VERSION.CREATED_AT),
                row.get(FRAMEWORK_VERSION.PUBLISHED_AT),
                row.get(FRAMEWORK_VERSION.RETIRED_AT));
    }
}
