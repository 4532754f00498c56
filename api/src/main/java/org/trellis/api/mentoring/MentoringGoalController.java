package org.trellis.api.mentoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.evidence.Evidence;
import org.trellis.api.frameworks.Competency;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.BatchJoins;
import org.trellis.api.shared.Ids.CompetencyId;
import org.trellis.api.shared.Ids.MentoringGoalId;
import org.trellis.api.shared.Ids.MentorshipId;
import org.trellis.graphql.UserError;

/** GraphQL {@code MentoringGoal}: adding and moving goals, and the goal's competency and evidence. */
@Controller
class MentoringGoalController {

    private final MentoringGoalService goals;
    private final MentoringLookups lookups;

    MentoringGoalController(MentoringGoalService goals, MentoringLookups lookups) {
        this.goals = goals;
        this.lookups = lookups;
    }

    @BatchMapping(typeName = "MentoringGoal", field = "competency")
    Map<MentoringGoal, @Nullable Competency> competency(List<MentoringGoal> items) {
        return BatchJoins.toOne(items, MentoringGoal::competencyId, lookups::competencies, Competency::id);
    }

    @BatchMapping(typeName = "MentoringGoal", field = "evidence")
    Map<MentoringGoal, @Nullable Evidence> evidence(List<MentoringGoal> items) {
        return BatchJoins.toOne(items, MentoringGoal::evidenceId, lookups::evidence, Evidence::id);
    }

    @MutationMapping
    GoalPayload addMentoringGoal(@Argument GoalInput input) {
        return new GoalPayload(
                goals.addGoal(
                        ActorAuthentication.current(),
                        input.mentorshipId().value(),
                        input.competencyId().value(),
                        input.title(),
                        input.description(),
                        input.targetDate()),
                List.of());
    }

    @MutationMapping
    GoalPayload setMentoringGoalStatus(@Argument GoalStatusInput input) {
        return new GoalPayload(
                goals.setGoalStatus(
                        ActorAuthentication.current(),
                        input.id().value(),
                        input.expectedVersion(),
                        input.status(),
                        Boolean.TRUE.equals(input.logEvidence())),
                List.of());
    }

    record GoalInput(
            MentorshipId mentorshipId,
            CompetencyId competencyId,
            @Nullable String title,
            @Nullable String description,
            @Nullable LocalDate targetDate) {}

    record GoalStatusInput(
            MentoringGoalId id,
            int expectedVersion,
            MentoringGoal.Status status,
            @Nullable Boolean logEvidence) {}

    record GoalPayload(MentoringGoal goal, List<UserError> userErrors) {}
}
