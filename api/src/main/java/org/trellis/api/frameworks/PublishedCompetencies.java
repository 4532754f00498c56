package org.trellis.api.frameworks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The competencies of published and retired framework versions, kept in memory by tenant and version, and by tenant
 * and id: such versions never change (only drafts are edited, and drafts are never kept here), so no other instance
 * needs telling. At most {@value #MAX_VERSIONS} versions and {@value #MAX_COMPETENCIES} competencies by id; one unread
 * for an hour goes.
 */
@Component
class PublishedCompetencies {

    static final int MAX_VERSIONS = 2_000;
    static final int MAX_COMPETENCIES = 50_000;

    /** A version's or a competency's id in its tenant. */
    private record Key(UUID tenantId, UUID id) {}

    private final FrameworkContents contents;
    private final Cache<Key, List<Competency>> versions = Caffeine.newBuilder()
            .maximumSize(MAX_VERSIONS)
            .expireAfterAccess(Duration.ofHours(1))
            .build();
    private final Cache<Key, Competency> byId = Caffeine.newBuilder()
            .maximumSize(MAX_COMPETENCIES)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    PublishedCompetencies(FrameworkContents contents) {
        this.contents = contents;
    }

    /** The competencies of these versions of the tenant, in order; versions not kept are read in one statement. */
    List<Competency> of(UUID tenantId, Collection<UUID> versionIds) {
        List<Competency> found = new ArrayList<>();
        List<UUID> missing = kept(versions, tenantId, versionIds, found::addAll);
        if (!missing.isEmpty()) {
            FrameworkContents.VersionCompetencies read = contents.competenciesWithStatus(missing);
            found.addAll(read.competencies());
            Map<UUID, List<Competency>> byVersion = FrameworkService.group(
                    read.unchanging(),
                    read.competencies().stream()
                            .filter(c -> read.unchanging().contains(c.versionId()))
                            .toList(),
                    Competency::versionId);
            byVersion.forEach(
                    (versionId, competencies) -> versions.put(new Key(tenantId, versionId), List.copyOf(competencies)));
            keep(tenantId, read);
        }
        return found;
    }

    /** These competencies of the tenant, in no order; those not kept are read in one statement. */
    List<Competency> byIds(UUID tenantId, Collection<UUID> ids) {
        List<Competency> found = new ArrayList<>(ids.size());
        List<UUID> missing = kept(byId, tenantId, ids, found::add);
        if (!missing.isEmpty()) {
            FrameworkContents.VersionCompetencies read = contents.competenciesByIdWithStatus(missing);
            found.addAll(read.competencies());
            keep(tenantId, read);
        }
        return found;
    }

    /** Hands what the cache keeps of these ids to {@code found}; answers the ids it does not keep. */
    private static <V> List<UUID> kept(Cache<Key, V> cache, UUID tenantId, Collection<UUID> ids, Consumer<V> found) {
        List<UUID> missing = new ArrayList<>();
        for (UUID id : ids) {
            V kept = cache.getIfPresent(new Key(tenantId, id));
            if (kept == null) {
                missing.add(id);
            } else {
                found.accept(kept);
            }
        }
        return missing;
    }

    private void keep(UUID tenantId, FrameworkContents.VersionCompetencies read) {
        read.competencies().stream()
                .filter(c -> read.unchanging().contains(c.versionId()))
                .forEach(c -> byId.put(new Key(tenantId, c.id()), c));
    }
}
