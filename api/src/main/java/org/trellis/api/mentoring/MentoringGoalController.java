package org.trellis.api.mentoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.evidence.Evidence;
import org.trellis.api.frameworks.Competency;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.Ids;
import org.trellis.graphql.UserError;

/** GraphQL {@code MentoringGoal}: adding and moving goals, and the goal's competency and evidence. */
@Controller
class MentoringGoalController {

    private final MentoringGoalService goals;
    private final MentoringJoins joins;

    MentoringGoalController(MentoringGoalService goals, MentoringJoins joins) {
        this.goals = goals;
        this.joins = joins;
    }

    @BatchMapping(typeName = "MentoringGoal", field = "competency")
    Map<MentoringGoal, Competency> competency(List<MentoringGoal> items) {
        Map<UUID, Competency> found = joins.competencies(
                items.stream().map(MentoringGoal::competencyId).distinct().toList());
        return items.stream()
                .collect(Collectors.toMap(Function.identity(), g -> found.get(g.competencyId()), (a, b) -> a));
    }

    @BatchMapping(typeName = "MentoringGoal", field = "evidence")
    Map<MentoringGoal, @Nullable Evidence> evidence(List<MentoringGoal> items) {
        return joins.evidence(items, MentoringGoal::evidenceId);
    }

    @MutationMapping
    GoalPayload addMentoringGoal(@Argument GoalInput input) {
        return new GoalPayload(
                goals.addGoal(
                        ActorAuthentication.current(),
                        Ids.decode(input.mentorshipId(), "Mentorship"),
                        Ids.decode(input.competencyId(), "Competency"),
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
                        Ids.decode(input.id(), "MentoringGoal"),
                        input.expectedVersion(),
                        input.status(),
                        Boolean.TRUE.equals(input.logEvidence())),
                List.of());
    }

    record GoalInput(
            String mentorshipId,
            String competencyId,
            @Nullable String title,
            @Nullable String description,
            @Nullable LocalDate targetDate) {}

    record GoalStatusInput(
            String id,
            int expectedVersion,
            MentoringGoal.Status status,
            @Nullable Boolean logEvidence) {}

    record GoalPayload(MentoringGoal goal, List<UserError> userErrors) {}
}
