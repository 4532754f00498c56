package org.trellis.api.evidence;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.ArgumentValue;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.Change;
import org.trellis.api.shared.Ids;
import org.trellis.api.shared.Ids.CompetencyId;
import org.trellis.api.shared.Ids.EvidenceId;
import org.trellis.api.shared.Ids.PersonId;
import org.trellis.graphql.UserError;

/** GraphQL mutations of one evidence item: log, update, and one per workflow step. */
@Controller
class EvidenceMutationController {

    private final EvidenceAuthoring authoring;
    private final EvidenceWorkflow workflow;

    EvidenceMutationController(EvidenceAuthoring authoring, EvidenceWorkflow workflow) {
        this.authoring = authoring;
        this.workflow = workflow;
    }

    @MutationMapping
    Payload logEvidence(@Argument LogInput input) {
        return Payload.of(authoring.log(actor(), Ids.valueOf(input.personId()), input.draft(), input.idempotencyKey()));
    }

    @MutationMapping
    Payload updateEvidence(@Argument UpdateInput input) {
        return Payload.of(authoring.update(
                actor(), input.id().value(), input.expectedVersion(), input.changes(), input.idempotencyKey()));
    }

    @MutationMapping
    Payload submitEvidence(@Argument TransitionInput input) {
        return step(input, EvidencePolicy.Transition.SUBMIT);
    }

    @MutationMapping
    Payload endorseEvidence(@Argument TransitionInput input) {
        return step(input, EvidencePolicy.Transition.ENDORSE);
    }

    @MutationMapping
    Payload requestEvidenceChanges(@Argument TransitionInput input) {
        return step(input, EvidencePolicy.Transition.REQUEST_CHANGES);
    }

    @MutationMapping
    Payload rejectEvidence(@Argument TransitionInput input) {
        return step(input, EvidencePolicy.Transition.REJECT);
    }

    @MutationMapping
    Payload withdrawEvidence(@Argument TransitionInput input) {
        return step(input, EvidencePolicy.Transition.WITHDRAW);
    }

    private Payload step(TransitionInput input, EvidencePolicy.Transition transition) {
        return Payload.of(workflow.transition(
                actor(),
                input.id().value(),
                input.expectedVersion(),
                transition,
                input.comment(),
                input.idempotencyKey()));
    }

    private static Actor actor() {
        return ActorAuthentication.current();
    }

    record LogInput(
            @Nullable PersonId personId,
            @Nullable List<CompetencyId> competencyIds,
            Evidence.@Nullable Kind kind,
            @Nullable String title,
            @Nullable String description,
            @Nullable LocalDate occurredOn,
            @Nullable List<String> links,
            Evidence.@Nullable Impact impact,
            @Nullable String idempotencyKey)
            implements DraftInput {}

    /** Omitted fields stay, null clears an optional one ({@link EvidenceChanges}). */
    record UpdateInput(
            EvidenceId id,
            int expectedVersion,
            ArgumentValue<List<CompetencyId>> competencyIds,
            ArgumentValue<Evidence.Kind> kind,
            ArgumentValue<String> title,
            ArgumentValue<String> description,
            ArgumentValue<LocalDate> occurredOn,
            ArgumentValue<List<String>> links,
            ArgumentValue<Evidence.Impact> impact,
            @Nullable String idempotencyKey) {

        EvidenceChanges changes() {
            return new EvidenceChanges(
                    Change.of(competencyIds)
                            .map(ids -> ids.stream().map(CompetencyId::value).toList()),
                    Change.of(kind),
                    Change.of(title),
                    Change.of(description),
                    Change.of(occurredOn),
                    Change.of(links),
                    Change.of(impact));
        }
    }

    record TransitionInput(
            EvidenceId id,
            int expectedVersion,
            @Nullable String comment,
            @Nullable String idempotencyKey) {}

    record Payload(Evidence evidence, List<UserError> userErrors) {

        static Payload of(Evidence evidence) {
            return new Payload(evidence, List.of());
        }
    }
}
