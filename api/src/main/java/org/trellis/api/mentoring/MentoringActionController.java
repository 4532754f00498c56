package org.trellis.api.mentoring;

import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.Ids.MentoringActionId;
import org.trellis.graphql.UserError;

/** GraphQL {@code MentoringAction}: ticking an agreed action off (or reopening it). */
@Controller
class MentoringActionController {

    private final MentoringActionService actions;

    MentoringActionController(MentoringActionService actions) {
        this.actions = actions;
    }

    @MutationMapping
    ActionPayload setMentoringActionDone(@Argument ActionInput input) {
        return new ActionPayload(
                actions.setActionDone(ActorAuthentication.current(), input.id().value(), input.done()), List.of());
    }

    record ActionInput(MentoringActionId id, boolean done) {}

    record ActionPayload(MentoringAction action, List<UserError> userErrors) {}
}
