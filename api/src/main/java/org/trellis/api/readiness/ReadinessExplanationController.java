package org.trellis.api.readiness;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.evidence.Evidence;
import org.trellis.api.evidence.EvidenceService;
import org.trellis.api.frameworks.Competency;
import org.trellis.api.frameworks.FrameworkService;
import org.trellis.api.frameworks.Level;
import org.trellis.api.mentoring.MentorSuggestions;
import org.trellis.api.readiness.ReadinessExplanations.Change;
import org.trellis.api.readiness.ReadinessExplanations.Explanation;
import org.trellis.api.readiness.ReadinessExplanations.NextStep;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.BatchJoins;
import org.trellis.api.shared.Ids.PersonId;

/** GraphQL {@code readinessExplanation}: next steps, history and changes of one person's readiness. */
@Controller
class ReadinessExplanationController {

    private final ReadinessExplanations explanations;
    private final FrameworkService frameworks;
    private final EvidenceService evidence;

    ReadinessExplanationController(
            ReadinessExplanations explanations, FrameworkService frameworks, EvidenceService evidence) {
        this.explanations = explanations;
        this.frameworks = frameworks;
        this.evidence = evidence;
    }

    @QueryMapping
    Explanation readinessExplanation(@Argument PersonId personId, DataFetchingEnvironment environment) {
        RequestBudget.spend(environment, "readinessExplanation", RequestBudget.EXPLANATIONS);
        return explanations.explain(actor(), personId.value());
    }

    @SchemaMapping(typeName = "ReadinessExplanation", field = "nextSteps")
    List<NextStep> nextSteps(Explanation explanation) {
        return explanations.nextSteps(actor(), explanation);
    }

    @SchemaMapping(typeName = "ReadinessExplanation", field = "history")
    List<Snapshot> history(Explanation explanation, @Argument @Nullable Integer first) {
        return explanations.history(explanation, first == null ? 12 : first);
    }

    @SchemaMapping(typeName = "ReadinessExplanation", field = "changes")
    List<Change> changes(Explanation explanation) {
        return explanations.changes(explanation);
    }

    @BatchMapping(typeName = "NextStep", field = "competency")
    Map<NextStep, @Nullable Competency> stepCompetency(List<NextStep> steps) {
        return BatchJoins.toOne(steps, NextStep::competencyId, this::competencies, Competency::id);
    }

    @SchemaMapping(typeName = "NextStep", field = "mentors")
    List<MentorSuggestions.Suggestion> mentors(NextStep step) {
        return step.mentors();
    }

    @BatchMapping(typeName = "ReadinessChange", field = "competency")
    Map<Change, @Nullable Competency> changeCompetency(List<Change> changes) {
        return BatchJoins.toOne(changes, Change::competencyId, this::competencies, Competency::id);
    }

    @BatchMapping(typeName = "ReadinessChange", field = "evidenceAdded")
    Map<Change, List<Evidence>> evidenceAdded(List<Change> changes) {
        Map<UUID, Evidence> found = BatchJoins.byId(
                evidence.getAll(
                        actor(),
                        changes.stream()
                                .flatMap(c -> c.evidenceAdded().stream())
                                .distinct()
                                .toList()),
                Evidence::id);
        return BatchJoins.each(
                changes,
                c -> c.evidenceAdded().stream()
                        .map(found::get)
                        .filter(Objects::nonNull)
                        .toList());
    }

    @BatchMapping(typeName = "ReadinessSnapshot", field = "level")
    Map<Snapshot, @Nullable Level> snapshotLevel(List<Snapshot> items) {
        return BatchJoins.toOne(items, Snapshot::levelId, ids -> frameworks.levels(actor(), ids), Level::id);
    }

    private List<Competency> competencies(List<UUID> ids) {
        return frameworks.competenciesById(actor(), ids);
    }

    private static Actor actor() {
        return ActorAuthentication.current();
    }
}
