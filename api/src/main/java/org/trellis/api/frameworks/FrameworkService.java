package org.trellis.api.frameworks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorKind;
import org.trellis.api.shared.ConflictException;
import org.trellis.api.shared.ForbiddenException;
import org.trellis.api.shared.InvalidInputException;
import org.trellis.api.shared.NotFoundException;
import org.trellis.api.shared.Role;
import org.trellis.api.shared.Scopes;
import org.trellis.api.shared.Validation;
import org.trellis.graphql.UserError;
import org.trellis.graphql.UserError.Code;

/**
 * Career frameworks. Every tenant member (and clients with {@code frameworks:read}) reads them; tenant admins create
 * them from the built-in template or YAML, edit drafts, publish and retire versions. Published versions never
 * change. Every change is audited.
 */
@Service
public class FrameworkService {

    static final String TEMPLATE = "frameworks/senior-role.yaml";

    private final Frameworks frameworks;
    private final AuditTrail audit;

    FrameworkService(Frameworks frameworks, AuditTrail audit) {
        this.frameworks = frameworks;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Framework> all(Actor actor) {
        requireRead(actor);
        return frameworks.all();
    }

    @Transactional(readOnly = true)
    public List<Framework> frameworks(Actor actor, Collection<UUID> ids) {
        requireRead(actor);
        return ids.isEmpty() ? List.of() : frameworks.findByIds(ids);
    }

    @Transactional(readOnly = true)
    public FrameworkVersion version(Actor actor, UUID id) {
        requireRead(actor);
        return frameworks.version(id).orElseThrow(() -> new NotFoundException("Framework version"));
    }

    @Transactional(readOnly = true)
    public List<FrameworkVersion> versions(Actor actor, Collection<UUID> ids) {
        requireRead(actor);
        return ids.isEmpty() ? List.of() : frameworks.versions(ids);
    }

    @Transactional(readOnly = true)
    public Map<UUID, List<FrameworkVersion>> versionsOf(Actor actor, Collection<UUID> frameworkIds) {
        requireRead(actor);
        return group(frameworkIds, frameworks.versionsOf(frameworkIds), FrameworkVersion::frameworkId);
    }

    @Transactional(readOnly = true)
    public Map<UUID, List<Level>> levelsOf(Actor actor, Collection<UUID> versionIds) {
        requireRead(actor);
        return group(versionIds, frameworks.levelsOf(versionIds), Level::versionId);
    }

    @Transactional(readOnly = true)
    public List<Level> levels(Actor actor, Collection<UUID> ids) {
        requireRead(actor);
        return ids.isEmpty() ? List.of() : frameworks.levels(ids);
    }

    @Transactional(readOnly = true)
    public Map<UUID, List<Competency>> competenciesOf(Actor actor, Collection<UUID> versionIds) {
        requireRead(actor);
        return group(versionIds, frameworks.competenciesOf(versionIds), Competency::versionId);
    }

    /**
     * Competencies by id, for showing what another module's object (e.g. evidence the caller may see) points at;
     * no separate frameworks permission is asked.
     */
    @Transactional(readOnly = true)
    public List<Competency> competenciesById(Actor actor, Collection<UUID> ids) {
        actor.tenant();
        return ids.isEmpty() ? List.of() : frameworks.competencies(ids);
    }

    @Transactional(readOnly = true)
    public Map<UUID, List<Expectation>> expectationsOf(Actor actor, Collection<UUID> competencyIds) {
        requireRead(actor);
        return group(competencyIds, frameworks.expectationsOf(competencyIds), Expectation::competencyId);
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
        return frameworks.document(
                frameworks.findByIds(List.of(version.frameworkId())).getFirst(), version);
    }

    /** Creates the senior-role framework from the built-in template, published, in one step. */
    @Transactional
    public FrameworkVersion instantiateTemplate(Actor actor) {
        requireAdmin(actor);
        FrameworkDocument document = FrameworkDocument.parse(template());
        if (frameworks.findByName(document.name()).isPresent()) {
            throw InvalidInputException.of(new UserError(
                    List.of("template"),
                    "This tenant already has a framework named " + document.name() + ".",
                    Code.ALREADY_EXISTS));
        }
        return create(actor, document, FrameworkVersion.Status.PUBLISHED, "framework.template-instantiated");
    }

    /**
     * Imports a document as a new draft version: of the framework with that name, or of a new framework. Formats:
     * Trellis YAML, progression-framework front matter, or a level/competency/expectation CSV.
     */
    @Transactional
    public FrameworkVersion importFramework(Actor actor, String content, ImportFormat format, @Nullable String name) {
        requireAdmin(actor);
        if (content.length() > FrameworkDocument.MAX_BYTES) {
            throw InvalidInputException.of(
                    new UserError(List.of("input", "content"), "The document is larger than 256 KiB.", Code.INVALID));
        }
        FrameworkDocument document = switch (format) {
            case TRELLIS_YAML -> FrameworkDocument.parse(content);
            case PROGRESSION_FRONT_MATTER -> ForeignFormats.fromFrontMatter(content, name);
            case CSV -> ForeignFormats.fromCsv(content, name);
        };
        return create(actor, document, FrameworkVersion.Status.DRAFT, "framework.imported");
    }

    /** Formats {@link #importFramework} reads. */
    public enum ImportFormat {
        TRELLIS_YAML,
        PROGRESSION_FRONT_MATTER,
        CSV
    }

    /** A new draft copied from an existing version. One draft per framework at a time. */
    @Transactional
    public FrameworkVersion createDraft(Actor actor, UUID fromVersionId) {
        requireAdmin(actor);
        FrameworkVersion source = existingVersion(fromVersionId);
        if (frameworks.hasDraft(source.frameworkId())) {
            throw new ConflictException("This framework already has a draft version.");
        }
        Framework framework =
                frameworks.findByIds(List.of(source.frameworkId())).getFirst();
        FrameworkDocument document = frameworks.document(framework, source);
        FrameworkVersion draft = frameworks.insertVersion(
                actor.tenant(), framework.id(), FrameworkVersion.Status.DRAFT, document.guidance());
        frameworks.insertContent(actor.tenant(), draft.id(), document);
        audit.record(
                actor,
                actor.tenant(),
                "framework.draft-created",
                "FrameworkVersion",
                draft.id(),
                Map.of("from", source.number()));
        return draft;
    }

    /**
     * Replaces a draft's levels, competencies and expectations with a Trellis YAML document (the way to add or
     * remove competencies and levels). The framework's name in the document must match.
     */
    @Transactional
    public FrameworkVersion replaceDraft(Actor actor, UUID versionId, String content) {
        requireAdmin(actor);
        FrameworkVersion version = existingVersion(versionId);
        if (version.status() != FrameworkVersion.Status.DRAFT) {
            throw new ConflictException("Published and retired versions are immutable: create a draft to change them.");
        }
        FrameworkDocument document = FrameworkDocument.parse(content);
        Framework framework =
                frameworks.findByIds(List.of(version.frameworkId())).getFirst();
        if (!framework.name().equalsIgnoreCase(document.name())) {
            throw InvalidInputException.of(new UserError(
                    List.of("input", "content", "framework.name"),
                    "The document is for another framework.",
                    Code.INVALID));
        }
        frameworks.clearContent(versionId, document.guidance());
        frameworks.insertContent(actor.tenant(), versionId, document);
        audit.record(
                actor,
                actor.tenant(),
                "framework.draft-replaced",
                "FrameworkVersion",
                versionId,
                Map.of(
                        "competencies",
                        document.competencies().size(),
                        "levels",
                        document.levels().size()));
        return existingVersion(versionId);
    }

    /** Changes one expectation of a draft. */
    @Transactional
    public FrameworkVersion updateExpectation(
            Actor actor, UUID versionId, String competencyKey, String levelCode, ExpectationInput input) {
        requireAdmin(actor);
        FrameworkVersion version = existingVersion(versionId);
        if (version.status() != FrameworkVersion.Status.DRAFT) {
            throw new ConflictException("Published and retired versions are immutable: create a draft to change them.");
        }
        Validation validation = new Validation();
        String description = validation.requiredProse(input.description(), 5000, "input", "description");
        if (input.examples().size() > 20 || input.examples().stream().anyMatch(e -> e.length() > 1000)) {
            validation.reject(Code.TOO_LONG, "At most 20 examples of 1000 characters.", "input", "examples");
        } else if (!input.examples().stream().allMatch(Validation::isProse)) {
            validation.reject(Code.INVALID, "Control characters are not allowed.", "input", "examples");
        }
        Expectation.Rule rule = input.rule();
        if (rule.minEndorsedEvidence() < 0
                || rule.minEndorsedEvidence() > 100
                || rule.recencyMonths() < 1
                || rule.recencyMonths() > 120
                || rule.minDistinctKinds() < 0
                || rule.minDistinctKinds() > 10) {
            validation.reject(Code.INVALID, "Rule values out of range.", "input", "rule");
        }
        Competency competency = frameworks.competenciesOf(List.of(versionId)).stream()
                .filter(c -> c.key().equals(competencyKey))
                .findFirst()
                .orElse(null);
        Level level = frameworks.levelsOf(List.of(versionId)).stream()
                .filter(l -> l.code().equals(levelCode))
                .findFirst()
                .orElse(null);
        if (competency == null) {
            validation.reject(
                    Code.INVALID, "No competency " + competencyKey + " in this version.", "input", "competencyKey");
        }
        if (level == null) {
            validation.reject(Code.INVALID, "No level " + levelCode + " in this version.", "input", "levelCode");
        }
        validation.throwIfInvalid();
        if (frameworks.updateExpectation(competency.id(), level.id(), description, input.examples(), rule) == 0) {
            throw InvalidInputException.of(new UserError(
                    List.of("input", "levelCode"), "This competency has no expectation at that level.", Code.INVALID));
        }
        audit.record(
                actor,
                actor.tenant(),
                "framework.expectation-updated",
                "FrameworkVersion",
                versionId,
                Map.of("competency", competencyKey, "level", levelCode, "rule", rule));
        return version;
    }

    @Transactional
    public FrameworkVersion publish(Actor actor, UUID versionId) {
        return transition(actor, versionId, FrameworkVersion.Status.DRAFT, FrameworkVersion.Status.PUBLISHED);
    }

    @Transactional
    public FrameworkVersion retire(Actor actor, UUID versionId) {
        return transition(actor, versionId, FrameworkVersion.Status.PUBLISHED, FrameworkVersion.Status.RETIRED);
    }

    private FrameworkVersion transition(
            Actor actor, UUID versionId, FrameworkVersion.Status from, FrameworkVersion.Status to) {
        requireAdmin(actor);
        FrameworkVersion version = existingVersion(versionId);
        if (version.status() != from) {
            throw new ConflictException("Only " + from.name().toLowerCase(Locale.ROOT) + " versions can become "
                    + to.name().toLowerCase(Locale.ROOT) + ".");
        }
        FrameworkVersion changed = frameworks.setStatus(versionId, to);
        audit.record(
                actor,
                actor.tenant(),
                "framework.version-" + to.name().toLowerCase(Locale.ROOT),
                "FrameworkVersion",
                versionId,
                Map.of("before", from, "after", to));
        return changed;
    }

    private FrameworkVersion create(
            Actor actor, FrameworkDocument document, FrameworkVersion.Status status, String action) {
        Framework framework = frameworks
                .findByName(document.name())
                .orElseGet(() -> frameworks.insertFramework(actor.tenant(), document.name(), document.description()));
        if (status == FrameworkVersion.Status.DRAFT && frameworks.hasDraft(framework.id())) {
            throw new ConflictException("This framework already has a draft version.");
        }
        FrameworkVersion version =
                frameworks.insertVersion(actor.tenant(), framework.id(), status, document.guidance());
        frameworks.insertContent(actor.tenant(), version.id(), document);
        audit.record(
                actor,
                actor.tenant(),
                action,
                "FrameworkVersion",
                version.id(),
                Map.of(
                        "framework",
                        framework.name(),
                        "number",
                        version.number(),
                        "competencies",
                        document.competencies().size()));
        return version;
    }

    FrameworkVersion existingVersion(UUID id) {
        return frameworks.version(id).orElseThrow(() -> new NotFoundException("Framework version"));
    }

    static String template() {
        try {
            return new ClassPathResource(TEMPLATE).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void requireRead(Actor actor) {
        actor.tenant();
        if (actor.kind() == ActorKind.SERVICE_CLIENT && !actor.scopes().contains(Scopes.FRAMEWORKS_READ)) {
            throw new ForbiddenException("This client lacks the frameworks:read scope.");
        }
    }

    static void requireAdmin(Actor actor) {
        actor.tenant();
        actor.require(Role.TENANT_ADMIN);
    }

    private static <T> Map<UUID, List<T>> group(Collection<UUID> keys, List<T> items, Function<T, UUID> key) {
        Map<UUID, List<T>> result = new LinkedHashMap<>();
        keys.forEach(k -> result.put(k, new ArrayList<>()));
        items.forEach(item ->
                result.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item));
        return result;
    }

    /** A changed expectation. */
    public record ExpectationInput(@Nullable String description, List<String> examples, Expectation.Rule rule) {}
}
