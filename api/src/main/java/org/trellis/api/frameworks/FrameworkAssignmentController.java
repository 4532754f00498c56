package org.trellis.api.frameworks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.Ids;
import org.trellis.graphql.UserError;

/** GraphQL {@code FrameworkAssignment}: assigning a person, and the assignment's version and levels. */
@Controller
class FrameworkAssignmentController {

    private final FrameworkService frameworks;
    private final AssignmentService assignments;

    FrameworkAssignmentController(FrameworkService frameworks, AssignmentService assignments) {
        this.frameworks = frameworks;
        this.assignments = assignments;
    }

    @BatchMapping(typeName = "FrameworkAssignment", field = "version")
    Map<Assignment, FrameworkVersion> version(List<Assignment> list) {
        Map<UUID, FrameworkVersion> found = FrameworkJoins.index(
                frameworks.versions(
                        ActorAuthentication.current(),
                        list.stream().map(Assignment::versionId).distinct().toList()),
                FrameworkVersion::id);
        return FrameworkJoins.byKey(list, a -> found.get(a.versionId()));
    }

    @BatchMapping(typeName = "FrameworkAssignment", field = "currentLevel")
    Map<Assignment, Level> currentLevel(List<Assignment> list) {
        Map<UUID, Level> found =
                levels(list.stream().map(Assignment::currentLevelId).distinct().toList());
        return FrameworkJoins.byKey(list, a -> found.get(a.currentLevelId()));
    }

    @BatchMapping(typeName = "FrameworkAssignment", field = "targetLevel")
    Map<Assignment, @Nullable Level> targetLevel(List<Assignment> list) {
        Map<UUID, Level> found = levels(list.stream()
                .map(Assignment::targetLevelId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        Map<Assignment, @Nullable Level> result = new HashMap<>();
        list.forEach(a -> result.put(a, a.targetLevelId() == null ? null : found.get(a.targetLevelId())));
        return result;
    }

    @MutationMapping
    AssignmentPayload assignFramework(@Argument AssignInput input) {
        return new AssignmentPayload(
                assignments.assign(
                        ActorAuthentication.current(),
                        Ids.decode(input.personId(), "Person"),
                        Ids.decode(input.versionId(), "FrameworkVersion"),
                        input.currentLevel(),
                        input.targetLevel()),
                List.of());
    }

    private Map<UUID, Level> levels(List<UUID> ids) {
        return FrameworkJoins.index(frameworks.levels(ActorAuthentication.current(), ids), Level::id);
    }

    record AssignInput(
            String personId,
            String versionId,
            String currentLevel,
            @Nullable String targetLevel) {}

    record AssignmentPayload(Assignment assignment, List<UserError> userErrors) {}
}
