package org.trellis.api.readiness;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.frameworks.Competency;
import org.trellis.api.frameworks.FrameworkService;
import org.trellis.api.frameworks.Level;
import org.trellis.api.people.PeopleService;
import org.trellis.api.people.Person;
import org.trellis.api.readiness.ReadinessEngine.Rating;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.BatchJoins;
import org.trellis.api.shared.Ids.AssessmentCycleId;
import org.trellis.api.shared.Ids.CompetencyId;
import org.trellis.api.shared.Ids.PersonId;
import org.trellis.graphql.UserError;

/** GraphQL {@code Assessment} and {@code AssessmentCycle}: cycles, rating a competency, and their fields. */
@Controller
class AssessmentController {

    private final AssessmentService assessments;
    private final FrameworkService frameworks;
    private final PeopleService people;

    AssessmentController(AssessmentService assessments, FrameworkService frameworks, PeopleService people) {
        this.assessments = assessments;
        this.frameworks = frameworks;
        this.people = people;
    }

    @QueryMapping
    List<AssessmentCycle> assessmentCycles() {
        return assessments.cycles(actor());
    }

    @MutationMapping
    CyclePayload openAssessmentCycle(@Argument OpenInput input) {
        return new CyclePayload(assessments.open(actor(), input.name(), input.opensOn(), input.closesOn()), List.of());
    }

    @MutationMapping
    CyclePayload closeAssessmentCycle(@Argument CycleIdInput input) {
        return new CyclePayload(
                assessments.setStatus(actor(), input.id().value(), AssessmentCycle.Status.CLOSED), List.of());
    }

    @MutationMapping
    CyclePayload reopenAssessmentCycle(@Argument CycleIdInput input) {
        return new CyclePayload(
                assessments.setStatus(actor(), input.id().value(), AssessmentCycle.Status.OPEN), List.of());
    }

    @MutationMapping
    AssessmentPayload assessCompetency(@Argument AssessInput input) {
        return new AssessmentPayload(
                assessments.assess(
                        actor(),
                        input.personId().value(),
                        input.competencyId().value(),
                        input.kind(),
                        input.rating(),
                        input.comment()),
                List.of());
    }

    @BatchMapping(typeName = "Assessment", field = "competency")
    Map<Assessment, @Nullable Competency> competency(List<Assessment> items) {
        return BatchJoins.toOne(
                items, Assessment::competencyId, ids -> frameworks.competenciesById(actor(), ids), Competency::id);
    }

    @BatchMapping(typeName = "Assessment", field = "level")
    Map<Assessment, @Nullable Level> level(List<Assessment> items) {
        return BatchJoins.toOne(items, Assessment::levelId, ids -> frameworks.levels(actor(), ids), Level::id);
    }

    @BatchMapping(typeName = "Assessment", field = "assessedBy")
    Map<Assessment, @Nullable Person> assessedBy(List<Assessment> items) {
        return BatchJoins.toOne(items, Assessment::assessedById, ids -> people.getAll(actor(), ids), Person::id);
    }

    @BatchMapping(typeName = "Assessment", field = "cycle")
    Map<Assessment, @Nullable AssessmentCycle> cycle(List<Assessment> items) {
        return BatchJoins.toOne(
                items, Assessment::cycleId, ids -> assessments.cyclesById(actor(), ids), AssessmentCycle::id);
    }

    private static Actor actor() {
        return ActorAuthentication.current();
    }

    record OpenInput(String name, LocalDate opensOn, LocalDate closesOn) {}

    record CycleIdInput(AssessmentCycleId id) {}

    record AssessInput(
            PersonId personId,
            CompetencyId competencyId,
            Assessment.Kind kind,
            Rating rating,
            @Nullable String comment) {}

    record CyclePayload(AssessmentCycle cycle, List<UserError> userErrors) {}

    record AssessmentPayload(Assessment assessment, List<UserError> userErrors) {}
}
