package org.trellis.api.frameworks;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.ArgumentValue;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.BatchJoins;
import org.trellis.api.shared.Change;
import org.trellis.api.shared.Ids.FrameworkVersionId;
import org.trellis.graphql.UserError;

/** GraphQL {@code FrameworkVersion}: reading, exporting and comparing versions, their fields, and every change. */
@Controller
class FrameworkVersionController {

    private final FrameworkService frameworks;
    private final FrameworkImports imports;
    private final FrameworkDrafts drafts;
    private final FrameworkPublishing publishing;

    FrameworkVersionController(
            FrameworkService frameworks,
            FrameworkImports imports,
            FrameworkDrafts drafts,
            FrameworkPublishing publishing) {
        this.frameworks = frameworks;
        this.imports = imports;
        this.drafts = drafts;
        this.publishing = publishing;
    }

    @QueryMapping
    FrameworkVersion frameworkVersion(@Argument FrameworkVersionId id) {
        return frameworks.version(actor(), id.value());
    }

    @QueryMapping
    String exportFrameworkVersion(@Argument FrameworkVersionId id) {
        return frameworks.export(actor(), id.value());
    }

    @QueryMapping
    FrameworkDiff frameworkVersionDiff(
            @Argument FrameworkVersionId fromVersionId, @Argument FrameworkVersionId toVersionId) {
        return frameworks.diff(actor(), fromVersionId.value(), toVersionId.value());
    }

    @BatchMapping(typeName = "FrameworkVersion", field = "framework")
    Map<FrameworkVersion, @Nullable Framework> framework(List<FrameworkVersion> list) {
        return BatchJoins.toOne(
                list, FrameworkVersion::frameworkId, ids -> frameworks.frameworks(actor(), ids), Framework::id);
    }

    @BatchMapping(typeName = "FrameworkVersion", field = "levels")
    Map<FrameworkVersion, List<Level>> levels(List<FrameworkVersion> list) {
        return BatchJoins.toMany(list, FrameworkVersion::id, ids -> frameworks.levelsOf(actor(), ids));
    }

    @BatchMapping(typeName = "FrameworkVersion", field = "competencies")
    Map<FrameworkVersion, List<Competency>> competencies(List<FrameworkVersion> list) {
        return BatchJoins.toMany(list, FrameworkVersion::id, ids -> frameworks.competenciesOf(actor(), ids));
    }

    @MutationMapping
    VersionPayload instantiateSeniorRoleTemplate() {
        return VersionPayload.of(imports.instantiateTemplate(actor()));
    }

    @MutationMapping
    VersionPayload importFramework(@Argument ImportInput input) {
        return VersionPayload.of(imports.importFramework(
                actor(),
                input.content(),
                input.format() == null ? FrameworkImports.ImportFormat.TRELLIS_YAML : input.format(),
                input.name()));
    }

    @MutationMapping
    VersionPayload createFrameworkDraft(@Argument DraftInput input) {
        return VersionPayload.of(
                drafts.createDraft(actor(), input.fromVersionId().value()));
    }

    @MutationMapping
    VersionPayload updateExpectation(@Argument ExpectationInput input) {
        return VersionPayload.of(drafts.updateExpectation(
                actor(),
                input.versionId().value(),
                input.competencyKey(),
                input.levelCode(),
                new FrameworkDrafts.ExpectationChanges(
                        Change.of(input.description()), Change.of(input.examples()), Change.of(input.rule()))));
    }

    @MutationMapping
    VersionPayload replaceFrameworkDraft(@Argument ReplaceInput input) {
        return VersionPayload.of(drafts.replaceDraft(actor(), input.versionId().value(), input.content()));
    }

    @MutationMapping
    VersionPayload publishFrameworkVersion(@Argument IdInput input) {
        return VersionPayload.of(publishing.publish(actor(), input.id().value()));
    }

    @MutationMapping
    VersionPayload retireFrameworkVersion(@Argument IdInput input) {
        return VersionPayload.of(publishing.retire(actor(), input.id().value()));
    }

    private static Actor actor() {
        return ActorAuthentication.current();
    }

    record ImportInput(
            String content,
            FrameworkImports.@Nullable ImportFormat format,
            @Nullable String name) {}

    record DraftInput(FrameworkVersionId fromVersionId) {}

    record ReplaceInput(FrameworkVersionId versionId, String content) {}

    record IdInput(FrameworkVersionId id) {}

    /** Omitted fields stay ({@link FrameworkDrafts.ExpectationChanges}). */
    record ExpectationInput(
            FrameworkVersionId versionId,
            String competencyKey,
            String levelCode,
            ArgumentValue<String> description,
            ArgumentValue<List<String>> examples,
            ArgumentValue<Expectation.Rule> rule) {}

    record VersionPayload(FrameworkVersion frameworkVersion, List<UserError> userErrors) {

        static VersionPayload of(FrameworkVersion version) {
            return new VersionPayload(version, List.of());
        }
    }
}
