package org.trellis.api.frameworks;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ConflictException;
import org.trellis.api.shared.InvalidInputException;
import org.trellis.graphql.UserError;
import org.trellis.graphql.UserError.Code;

/**
 * New versions from whole documents: the built-in template (published in one step) and imports (as a draft of the
 * framework with the document's name, or of a new framework). Tenant admins only ({@link FrameworkPolicy}).
 */
@Service
class FrameworkImports {

    private final Frameworks frameworks;
    private final FrameworkContentWriter writer;
    private final AuditTrail audit;

    FrameworkImports(Frameworks frameworks, FrameworkContentWriter writer, AuditTrail audit) {
        this.frameworks = frameworks;
        this.writer = writer;
        this.audit = audit;
    }

    /** Creates the senior-role framework from the built-in template, published, in one step. */
    @Transactional
    FrameworkVersion instantiateTemplate(Actor actor) {
        FrameworkPolicy.requireEdit(actor);
        FrameworkDocument document = FrameworkDocument.parse(FrameworkService.template());
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
    FrameworkVersion importFramework(Actor actor, String content, ImportFormat format, @Nullable String name) {
        FrameworkPolicy.requireEdit(actor);
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
    enum ImportFormat {
        TRELLIS_YAML,
        PROGRESSION_FRONT_MATTER,
        CSV
    }

    private FrameworkVersion create(
            Actor actor, FrameworkDocument document, FrameworkVersion.Status status, String action) {
        Framework framework = frameworks
                .findByName(document.name())
                .orElseGet(() -> frameworks.insertFramework(actor.tenant(), document.name(), document.description()));
        if (status == FrameworkVersion.Status.DRAFT && frameworks.hasDraft(framework.id())) {
            throw new ConflictException("This framework already has a draft version.", "input", "name");
        }
        FrameworkVersion version =
                frameworks.insertVersion(actor.tenant(), framework.id(), status, document.guidance());
        writer.insertContent(actor.tenant(), version.id(), document);
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
}
