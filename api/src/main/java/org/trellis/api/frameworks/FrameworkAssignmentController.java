package org.trellis.api.frameworks;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.BatchJoins;
import org.trellis.api.shared.Ids.FrameworkVersionId;
import org.trellis.api.shared.Ids.PersonId;
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
    Map<Assignment, @Nullable FrameworkVersion> version(List<Assignment> list) {
        return BatchJoins.toOne(
                list,
                Assignment::versionId,
                ids -> frameworks.versions(ActorAuthentication.current(), ids),
                FrameworkVersion::id);
    }

    @BatchMapping(typeName = "FrameworkAssignment", field = "currentLevel")
    Map<Assignment, @Nullable Level> currentLevel(List<Assignment> list) {
        return BatchJoins.toOne(list, Assignment::currentLevelId, this::levels, Level::id);
    }

    @BatchMapping(typeName = "FrameworkAssignment", field = "targetLevel")
    Map<Assignment, @Nullable Level> targetLevel(List<Assignment> list) {
        return BatchJoins.toOne(list, Assignment::targetLevelId, this::levels, Level::id);
    }

    @MutationMapping
    AssignmentPayload assignFramework(@Argument AssignInput input) {
        return new AssignmentPayload(
                assignments.assign(
                        ActorAuthentication.current(),
                        input.personId().value(),
                        input.versionId().value(),
                        input.currentLevel(),
                        input.targetLevel()),
                List.of());
    }

    private List<Level> levels(List<UUID> ids) {
        return frameworks.levels(ActorAuthentication.current(), ids);
    }

    record AssignInput(
            PersonId personId,
            FrameworkVersionId versionId,
            String currentLevel,
            @Nullable String targetLevel) {}

    record AssignmentPayload(Assignment assignment, List<UserError> userErrors) {}
}
