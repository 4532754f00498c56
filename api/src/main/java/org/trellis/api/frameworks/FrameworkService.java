package org.trellis.api.frameworks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.shared.Actor;

/**
 * Reading career frameworks: frameworks, versions and their content, export and diff. Who reads is {@link
 * FrameworkPolicy}. Changes are {@link FrameworkImports}, {@link FrameworkDrafts} and {@link FrameworkPublishing};
 * published versions never change.
 */
@Service
public class FrameworkService {

    static final String TEMPLATE = "frameworks/senior-role.yaml";

    private final Frameworks frameworks;
    private final FrameworkContents contents;
    private final PublishedCompetencies published;

    FrameworkService(Frameworks frameworks, FrameworkContents contents, PublishedCompetencies published) {
        this.frameworks = frameworks;
        this.contents = contents;
        this.published = published;
    }

    @Transactional(readOnly = true)
    public List<Framework> all(Actor actor) {
        FrameworkPolicy.requireRead(actor);
        return frameworks.all();
    }

    @Transactional(readOnly = true)
    public List<Framework> frameworks(Actor actor, Collection<UUID> ids) {
        FrameworkPolicy.requireRead(actor);
        return ids.isEmpty() ? List.of() : frameworks.findByIds(ids);
    }

    @Transactional(readOnly = true)
    public FrameworkVersion version(Actor actor, UUID id) {
        FrameworkPolicy.requireRead(actor);
        return frameworks.existingVersion(id);
    }

    @Transactional(readOnly = true)
    public List<FrameworkVersion> versions(Actor actor, Collection<UUID> ids) {
        FrameworkPolicy.requireRead(actor);
        return ids.isEmpty() ? List.of() : frameworks.versions(ids);
    }

    @Transactional(readOnly = true)
    public Map<UUID, List<FrameworkVersion>> versionsOf(Actor actor, Collection<UUID> frameworkIds) {
        FrameworkPolicy.requireRead(actor);
        return group(frameworkIds, frameworks.versionsOf(frameworkIds), FrameworkVersion::frameworkId);
    }

    @Transactional(readOnly = true)
    public Map<UUID, List<Level>> levelsOf(Actor actor, Collection<UUID> versionIds) {
        FrameworkPolicy.requireRead(actor);
        return group(versionIds, contents.levelsOf(versionIds), Level::versionId);
    }

    @Transactional(readOnly = true)
    public List<Level> levels(Actor actor, Collection<UUID> ids) {
        FrameworkPolicy.requireRead(actor);
        return ids.isEmpty() ? List.of() : contents.levels(ids);
    }

    @Transactional(readOnly = true)
    public Map<UUID, List<Competency>> competenciesOf(Actor actor, Collection<UUID> versionIds) {
        FrameworkPolicy.requireRead(actor);
        return group(versionIds, published.of(actor.tenant(), versionIds), Competency::versionId);
    }

    /**
     * Competencies by id, for showing what another module's object (e.g. evidence the caller may see) points at;
     * no separate frameworks permission is asked.
     */
    @Transactional(readOnly = true)
    public List<Competency> competenciesById(Actor actor, Collection<UUID> ids) {
        FrameworkPolicy.requireReadLinked(actor);
        return ids.isEmpty() ? List.of() : published.byIds(actor.tenant(), ids);
    }

    @Transactional(readOnly = true)
    public Map<UUID, List<Expectation>> expectationsOf(Actor actor, Collection<UUID> competencyIds) {
        FrameworkPolicy.requireRead(actor);
        return group(competencyIds, contents.expectationsOf(competencyIds), Expectation::competencyId);
    }

    /** The version in the documented YAML format. */
    @Transactional(readOnly = true)
    public String export(Actor actor, UUID versionId) {
        return document(actor, versionId).write();
    }

    /** What changed from one version to another (of any frameworks of the tenant). */
    @Transactional(readOnly = true)
    public FrameworkDiff diff(Actor actor, UUID fromVersionId, UUID toVersionId) {
        return FrameworkDiff.between(document(actor, fromVersionId), document(actor, toVersionId));
    }

    private FrameworkDocument document(Actor actor, UUID versionId) {
        FrameworkVersion version = version(actor, versionId);
        return contents.document(
                frameworks.findByIds(List.of(version.frameworkId())).getFirst(), version);
    }

    /** The built-in senior-role template, in the framework YAML format. */
    static String template() {
        try {
            return new ClassPathResource(TEMPLATE).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> Map<UUID, List<T>> group(Collection<UUID> keys, List<T> items, Function<T, UUID> key) {
        Map<UUID, List<T>> result = new LinkedHashMap<>();
        keys.forEach(k -> result.put(k, new ArrayList<>()));
        items.forEach(item ->
                result.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item));
        return result;
    }
}
