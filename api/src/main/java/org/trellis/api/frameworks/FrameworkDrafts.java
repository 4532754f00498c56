package org.trellis.api.frameworks;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.Change;
import org.trellis.api.shared.ConflictException;
import org.trellis.api.shared.InvalidInputException;
import org.trellis.api.shared.Validation;
import org.trellis.graphql.UserError;
import org.trellis.graphql.UserError.Code;

/**
 * Drafts: copied from a version (one draft per framework at a time), replaced whole from YAML, or edited one
 * expectation at a time. Tenant admins only, and only drafts change ({@link FrameworkPolicy}).
 */
@Service
class FrameworkDrafts {

    private final Frameworks frameworks;
    private final FrameworkContents contents;
    private final FrameworkContentWriter writer;
    private final AuditTrail audit;

    FrameworkDrafts(
            Frameworks frameworks, FrameworkContents contents, FrameworkContentWriter writer, AuditTrail audit) {
        this.frameworks = frameworks;
        this.contents = contents;
        this.writer = writer;
        this.audit = audit;
    }

    /** A new draft copied from an existing version. One draft per framework at a time. */
    @Transactional
    FrameworkVersion createDraft(Actor actor, UUID fromVersionId) {
        FrameworkPolicy.requireEdit(actor);
        FrameworkVersion source = frameworks.existingVersion(fromVersionId);
        if (frameworks.hasDraft(source.frameworkId())) {
            throw new ConflictException("This framework already has a draft version.", "input", "fromVersionId");
        }
        Framework framework =
                frameworks.findByIds(List.of(source.frameworkId())).getFirst();
        FrameworkDocument document = contents.document(framework, source);
        FrameworkVersion draft = frameworks.insertVersion(
                actor.tenant(), framework.id(), FrameworkVersion.Status.DRAFT, document.guidance());
        writer.insertContent(actor.tenant(), draft.id(), document);
        frameworks.copyReadinessPolicy(source.id(), draft.id());
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
    FrameworkVersion replaceDraft(Actor actor, UUID versionId, String content) {
        FrameworkPolicy.requireEdit(actor);
        FrameworkVersion version = frameworks.lockedVersion(versionId);
        FrameworkPolicy.requireEditable(version);
        FrameworkDocument document = FrameworkDocument.parse(content);
        Framework framework =
                frameworks.findByIds(List.of(version.frameworkId())).getFirst();
        if (!framework.name().equalsIgnoreCase(document.name())) {
            throw InvalidInputException.of(new UserError(
                    List.of("input", "content", "framework.name"),
                    "The document is for another framework.",
                    Code.INVALID));
        }
        writer.clearContent(versionId, document.guidance());
        writer.insertContent(actor.tenant(), versionId, document);
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
        return frameworks.existingVersion(versionId);
    }

    /** Changes one expectation of a draft: the fields given ({@link ExpectationChanges}); the others stay. */
    @Transactional
    FrameworkVersion updateExpectation(
            Actor actor, UUID versionId, String competencyKey, String levelCode, ExpectationChanges changes) {
        FrameworkPolicy.requireEdit(actor);
        FrameworkVersion version = frameworks.lockedVersion(versionId);
        FrameworkPolicy.requireEditable(version);
        Expectation current = expectation(versionId, competencyKey, levelCode);
        Validation validation = new Validation();
        String description =
                validation.requiredProse(changes.description(), current.description(), 5000, "input", "description");
        List<String> examples = changes.examples().given()
                ? Objects.requireNonNullElse(changes.examples().value(), List.<String>of())
                : current.examples();
        if (examples.size() > 20 || examples.stream().anyMatch(e -> e.length() > 1000)) {
            validation.reject(Code.TOO_LONG, "At most 20 examples of 1000 characters.", "input", "examples");
        } else if (!examples.stream().allMatch(Validation::isProse)) {
            validation.reject(Code.INVALID, "Control characters are not allowed.", "input", "examples");
        }
        Expectation.Rule rule = validation.required(changes.rule(), current.rule(), "input", "rule");
        if (rule != null
                && (rule.minEndorsedEvidence() < 0
                        || rule.minEndorsedEvidence() > 100
                        || rule.recencyMonths() < 1
                        || rule.recencyMonths() > 120
                        || rule.minDistinctKinds() < 0
                        || rule.minDistinctKinds() > 10)) {
            validation.reject(Code.INVALID, "Rule values out of range.", "input", "rule");
        }
        validation.throwIfInvalid();
        writer.updateExpectation(current.competencyId(), current.levelId(), description, examples, rule);
        audit.record(
                actor,
                actor.tenant(),
                "framework.expectation-updated",
                "FrameworkVersion",
                versionId,
                Map.of("competency", competencyKey, "level", levelCode, "rule", rule));
        return version;
    }

    /** The draft's expectation of a competency at a level, each named by its key or code. */
    private Expectation expectation(UUID versionId, String competencyKey, String levelCode) {
        Validation validation = new Validation();
        Competency competency = contents.competenciesOf(List.of(versionId)).stream()
                .filter(c -> c.key().equals(competencyKey))
                .findFirst()
                .orElse(null);
        Level level = contents.levelsOf(List.of(versionId)).stream()
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
        return contents.expectationsOf(List.of(competency.id())).stream()
                .filter(e -> e.levelId().equals(level.id()))
                .findFirst()
                .orElseThrow(() -> InvalidInputException.of(new UserError(
                        List.of("input", "levelCode"),
                        "This competency has no expectation at that level.",
                        Code.INVALID)));
    }

    /**
     * Changes to an expectation ({@link Change}): a field not given stays; null clears the examples and is REQUIRED for
     * the description and the rule.
     */
    record ExpectationChanges(
            Change<String> description, Change<List<String>> examples, Change<Expectation.Rule> rule) {}
}
