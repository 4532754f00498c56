package org.trellis.api.frameworks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The competencies of published and retired framework versions, kept in memory by tenant and version: such versions
 * never change (only drafts are edited, and drafts are never kept here), so no other instance needs telling. At most
 * {@value #MAX_VERSIONS} versions; one unread for an hour goes.
 */
@Component
class PublishedCompetencies {

    static final int MAX_VERSIONS = 2_000;

    private record Key(UUID tenantId, UUID versionId) {}

    private final FrameworkContents contents;
    private final Cache<Key, List<Competency>> versions = Caffeine.newBuilder()
            .maximumSize(MAX_VERSIONS)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    PublishedCompetencies(FrameworkContents contents) {
        this.contents = contents;
    }

    /** The competencies of these versions of the tenant, in order; versions not kept are read in one statement. */
    List<Competency> of(UUID tenantId, Collection<UUID> versionIds) {
        List<Competency> found = new ArrayList<>();
        List<UUID> missing = new ArrayList<>();
        for (UUID versionId : versionIds) {
            List<Competency> kept = versions.getIfPresent(new Key(tenantId, versionId));
            if (kept == null) {
                missing.add(versionId);
            } else {
                found.addAll(kept);
            }
        }
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
        }
        return found;
    }
}
