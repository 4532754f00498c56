package org.trellis.api.frameworks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.people.Person;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.Ids;
import org.trellis.api.shared.NodeResolver;
import org.trellis.graphql.UserError;

/** GraphQL: frameworks, their versions and content, and assignments. Every nested list is batch-loaded. */
@Controller
class FrameworkController implements NodeResolver {

    private final FrameworkService frameworks;
    private final AssignmentService assignments;

    FrameworkController(FrameworkService frameworks, AssignmentService assignments) {
        this.frameworks = frameworks;
        this.assignments = assignments;
    }

    @QueryMapping
    List<Framework> frameworks() {
        return frameworks.all(actor());
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

    @BatchMapping(typeName = "Framework", field = "versions")
    Map<Framework, List<FrameworkVersion>> versions(List<Framework> list) {
        var found =
                frameworks.versionsOf(actor(), list.stream().map(Framework::id).toList());
        return byKey(list, f -> found.get(f.id()));
    }

    @BatchMapping(typeName = "FrameworkVersion", field = "framework")
    Map<FrameworkVersion, Framework> framework(List<FrameworkVersion> list) {
        Map<UUID, Framework> found = index(
                frameworks.frameworks(
                        actor(),
                        list.stream()
                                .map(FrameworkVersion::frameworkId)
                                .distinct()
                                .toList()),
                Framework::id);
        return byKey(list, v -> found.get(v.frameworkId()));
    }

    @BatchMapping(typeName = "FrameworkVersion", field = "levels")
    Map<FrameworkVersion, List<Level>> levels(List<FrameworkVersion> list) {
        var found = frameworks.levelsOf(
                actor(), list.stream().map(FrameworkVersion::id).toList());
        return byKey(list, v -> found.get(v.id()));
    }

    @BatchMapping(typeName = "FrameworkVersion", field = "competencies")
    Map<FrameworkVersion, List<Competency>> competencies(List<FrameworkVersion> list) {
        var found = frameworks.competenciesOf(
                actor(), list.stream().map(FrameworkVersion::id).toList());
        return byKey(list, v -> found.get(v.id()));
    }

    @BatchMapping(typeName = "Competency", field = "expectations")
    Map<Competency, List<Expectation>> expectations(List<Competency> list) {
        var found = frameworks.expectationsOf(
                actor(), list.stream().map(Competency::id).toList());
        return byKey(list, c -> found.get(c.id()));
    }

    @BatchMapping(typeName = "Expectation", field = "level")
    Map<Expectation, Level> expectationLevel(List<Expectation> list) {
        Map<UUID, Level> found = index(
                frameworks.levels(
                        actor(),
                        list.stream().map(Expectation::levelId).distinct().toList()),
                Level::id);
        return byKey(list, e -> found.get(e.levelId()));
    }

    @BatchMapping(typeName = "FrameworkAssignment", field = "version")
    Map<Assignment, FrameworkVersion> assignmentVersion(List<Assignment> list) {
        Map<UUID, FrameworkVersion> found = index(
                frameworks.versions(
                        actor(),
                        list.stream().map(Assignment::versionId).distinct().toList()),
                FrameworkVersion::id);
        return byKey(list, a -> found.get(a.versionId()));
    }

    @BatchMapping(typeName = "FrameworkAssignment", field = "currentLevel")
    Map<Assignment, Level> currentLevel(List<Assignment> list) {
        Map<UUID, Level> found = index(
                frameworks.levels(
                        actor(),
                        list.stream().map(Assignment::currentLevelId).distinct().toList()),
                Level::id);
        return byKey(list, a -> found.get(a.currentLevelId()));
    }

    @BatchMapping(typeName = "FrameworkAssignment", field = "targetLevel")
    Map<Assignment, @Nullable Level> targetLevel(List<Assignment> list) {
        Map<UUID, Level> found = index(
                frameworks.levels(
                        actor(),
                        list.stream()
                                .map(Assignment::targetLevelId)
                                .filter(Objects::nonNull)
                                .distinct()
                                .toList()),
                Level::id);
        Map<Assignment, @Nullable Level> result = new HashMap<>();
        list.forEach(a -> result.put(a, a.targetLevelId() == null ? null : found.get(a.targetLevelId())));
        return result;
    }

    @BatchMapping(typeName = "Person", field = "frameworkAssignment")
    Map<Person, @Nullable Assignment> personAssignment(List<Person> persons) {
        var found = assignments.of(actor(), persons, true);
        Map<Person, @Nullable Assignment> result = new HashMap<>();
        persons.forEach(p -> result.put(
                p, found.get(p.id()).isEmpty() ? null : found.get(p.id()).getFirst()));
        return result;
    }

    @BatchMapping(typeName = "Person", field = "frameworkAssignmentHistory")
    Map<Person, List<Assignment>> personAssignmentHistory(List<Person> persons) {
        var found = assignments.of(actor(), persons, false);
        return byKey(persons, p -> found.get(p.id()));
    }

    @SchemaMapping(typeName = "Level", field = "id")
    String levelId(Level level) {
        return level.id().toString();
    }

    @MutationMapping
    VersionPayload instantiateSeniorRoleTemplate() {
        return VersionPayload.of(frameworks.instantiateTemplate(actor()));
    }

    @MutationMapping
    VersionPayload importFramework(@Argument ImportInput input) {
        return VersionPayload.of(frameworks.importFramework(
                actor(),
                input.content(),
                input.format() == null ? FrameworkService.ImportFormat.TRELLIS_YAML : input.format(),
                input.name()));
    }

    @MutationMapping
    VersionPayload createFrameworkDraft(@Argument DraftInput input) {
        return VersionPayload.of(
                frameworks.createDraft(actor(), Ids.decode(input.fromVersionId(), "FrameworkVersion")));
    }

    @MutationMapping
    VersionPayload updateExpectation(@Argument ExpectationInput input) {
        return VersionPayload.of(frameworks.updateExpectation(
                actor(),
                Ids.decode(input.versionId(), "FrameworkVersion"),
                input.competencyKey(),
                input.levelCode(),
                new FrameworkService.ExpectationInput(
                        input.description(), input.examples() == null ? List.of() : input.examples(), input.rule())));
    }

    @MutationMapping
    VersionPayload replaceFrameworkDraft(@Argument ReplaceInput input) {
        return VersionPayload.of(
                frameworks.replaceDraft(actor(), Ids.decode(input.versionId(), "FrameworkVersion"), input.content()));
    }

    @MutationMapping
    VersionPayload publishFrameworkVersion(@Argument IdInput input) {
        return VersionPayload.of(frameworks.publish(actor(), Ids.decode(input.id(), "FrameworkVersion")));
    }

    @MutationMapping
    VersionPayload retireFrameworkVersion(@Argument IdInput input) {
        return VersionPayload.of(frameworks.retire(actor(), Ids.decode(input.id(), "FrameworkVersion")));
    }

    @MutationMapping
    AssignmentPayload assignFramework(@Argument AssignInput input) {
        return new AssignmentPayload(
                assignments.assign(
                        actor(),
                        Ids.decode(input.personId(), "Person"),
                        Ids.decode(input.versionId(), "FrameworkVersion"),
                        input.currentLevel(),
                        input.targetLevel()),
                List.of());
    }

    @Override
    public String type() {
        return "FrameworkVersion";
    }

    @Override
    public Object resolve(Actor actor, UUID id) {
        return frameworks.version(actor, id);
    }

    private static Actor actor() {
        return ActorAuthentication.current();
    }

    private static <K, V> Map<K, V> byKey(List<K> keys, Function<K, V> value) {
        Map<K, V> result = new HashMap<>();
        keys.forEach(key -> result.put(key, value.apply(key)));
        return result;
    }

    private static <T> Map<UUID, T> index(List<T> items, Function<T, UUID> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }

    record ImportInput(
            String content,
            FrameworkService.@Nullable ImportFormat format,
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

    record AssignInput(
            String personId,
            String versionId,
            String currentLevel,
            @Nullable String targetLevel) {}

    record VersionPayload(FrameworkVersion frameworkVersion, List<UserError> userErrors) {

        static VersionPayload of(FrameworkVersion version) {
            return new VersionPayload(version, List.of());
        }
    }

    record AssignmentPayload(Assignment assignment, List<UserError> userErrors) {}
}
