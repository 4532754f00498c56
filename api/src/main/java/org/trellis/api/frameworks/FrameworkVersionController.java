package org.trellis.api.frameworks;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.Ids;
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
    FrameworkVersion frameworkVersion(@Argument String id) {
        return frameworks.version(actor(), Ids.decode(id, "FrameworkVersion"));
    }

    @QueryMapping
    String exportFrameworkVersion(@Argument String id) {
        return frameworks.export(actor(), Ids.decode(id, "FrameworkVersion"));
    }

    @QueryMapping
    FrameworkDiff frameworkVersionDiff(@Argument String fromVersionId, @Argument String toVersionId) {
        return frameworks.diff(
                actor(), Ids.decode(fromVersionId, "FrameworkVersion"), Ids.decode(toVersionId, "FrameworkVersion"));
    }

    @BatchMapping(typeName = "FrameworkVersion", field = "framework")
    Map<FrameworkVersion, Framework> framework(List<FrameworkVersion> list) {
        Map<UUID, Framework> found = FrameworkJoins.index(
                frameworks.frameworks(
                        actor(),
                        list.stream()
                                .map(FrameworkVersion::frameworkId)
                                .distinct()
                                .toList()),
                Framework::id);
        return FrameworkJoins.byKey(list, v -> found.get(v.frameworkId()));
    }

    @BatchMapping(typeName = "FrameworkVersion", field = "levels")
    Map<FrameworkVersion, List<Level>> levels(List<FrameworkVersion> list) {
        var found = frameworks.levelsOf(
                actor(), list.stream().map(FrameworkVersion::id).toList());
        return FrameworkJoins.byKey(list, v -> found.get(v.id()));
    }

    @BatchMapping(typeName = "FrameworkVersion", field = "competencies")
    Map<FrameworkVersion, List<Competency>> competencies(List<FrameworkVersion> list) {
        var found = frameworks.competenciesOf(
                actor(), list.stream().map(FrameworkVersion::id).toList());
        return FrameworkJoins.byKey(list, v -> found.get(v.id()));
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
        return VersionPayload.of(drafts.createDraft(actor(), Ids.decode(input.fromVersionId(), "FrameworkVersion")));
    }

    @MutationMapping
    VersionPayload updateExpectation(@Argument ExpectationInput input) {
        return VersionPayload.of(drafts.updateExpectation(
                actor(),
                Ids.decode(input.versionId(), "FrameworkVersion"),
                input.competencyKey(),
                input.levelCode(),
                new FrameworkDrafts.ExpectationInput(
                        input.description(), input.examples() == null ? List.of() : input.examples(), input.rule())));
    }

    @MutationMapping
    VersionPayload replaceFrameworkDraft(@Argument ReplaceInput input) {
        return VersionPayload.of(
                drafts.replaceDraft(actor(), Ids.decode(input.versionId(), "FrameworkVersion"), input.content()));
    }

    @MutationMapping
    VersionPayload publishFrameworkVersion(@Argument IdInput input) {
        return VersionPayload.of(publishing.publish(actor(), Ids.decode(input.id(), "FrameworkVersion")));
    }

    @MutationMapping
    VersionPayload retireFrameworkVersion(@Argument IdInput input) {
        return VersionPayload.of(publishing.retire(actor(), Ids.decode(input.id(), "FrameworkVersion")));
    }

    private static Actor actor() {
        return ActorAuthentication.current();
    }

    record ImportInput(
            String content,
            FrameworkImports.@Nullable ImportFormat format,
            @Nullable String name) {}

    record DraftInput(String fromVersionId) {}

    record ReplaceInput(String versionId, String content) {}

    record IdInput(String id) {}

    record ExpectationInput(
            String versionId,
            String competencyKey,
            String levelCode,
            String description,
            @Nullable List<String> examples,
            Expectation.Rule rule) {}

    record VersionPayload(FrameworkVersion frameworkVersion, List<UserError> userErrors) {

        static VersionPayload of(FrameworkVersion version) {
            return new VersionPayload(version, List.of());
        }
    }
}
