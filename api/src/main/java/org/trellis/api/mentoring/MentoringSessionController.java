package org.trellis.api.mentoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.evidence.Evidence;
import org.trellis.api.people.Person;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.BatchJoins;
import org.trellis.api.shared.Ids.MentoringSessionId;
import org.trellis.api.shared.Ids.MentorshipId;
import org.trellis.graphql.UserError;

/** GraphQL {@code MentoringSession}: logging sessions, private notes, and the session's fields. */
@Controller
class MentoringSessionController {

    private final MentoringSessionService sessions;
    private final MentoringActionService actions;
    private final MentoringLookups lookups;

    MentoringSessionController(
            MentoringSessionService sessions, MentoringActionService actions, MentoringLookups lookups) {
        this.sessions = sessions;
        this.actions = actions;
        this.lookups = lookups;
    }

    @BatchMapping(typeName = "MentoringSession", field = "loggedBy")
    Map<MentoringSession, @Nullable Person> loggedBy(List<MentoringSession> items) {
        return BatchJoins.toOne(items, MentoringSession::loggedById, lookups::people, Person::id);
    }

    @BatchMapping(typeName = "MentoringSession", field = "evidence")
    Map<MentoringSession, @Nullable Evidence> evidence(List<MentoringSession> items) {
        return BatchJoins.toOne(items, MentoringSession::evidenceId, lookups::evidence, Evidence::id);
    }

    @BatchMapping(typeName = "MentoringSession", field = "actions")
    Map<MentoringSession, List<MentoringAction>> actions(List<MentoringSession> items) {
        return BatchJoins.toMany(items, MentoringSession::id, actions::actionsOf);
    }

    @BatchMapping(typeName = "MentoringSession", field = "privateNote")
    Map<MentoringSession, @Nullable String> privateNote(List<MentoringSession> items) {
        Map<UUID, String> mine = sessions.myPrivateNotes(
                ActorAuthentication.current(),
                items.stream().map(MentoringSession::id).toList());
        return BatchJoins.each(items, s -> mine.get(s.id()));
    }

    @MutationMapping
    SessionPayload logMentoringSession(@Argument SessionInput input) {
        return new SessionPayload(
                sessions.logSession(
                        ActorAuthentication.current(),
                        input.mentorshipId().value(),
                        input.heldOn(),
                        input.durationMinutes(),
                        input.sharedNotes(),
                        input.privateNote(),
                        input.actions(),
                        input.idempotencyKey()),
                List.of());
    }

    @MutationMapping
    SessionPayload setSessionPrivateNote(@Argument NoteInput input) {
        return new SessionPayload(
                sessions.setPrivateNote(
                        ActorAuthentication.current(), input.sessionId().value(), input.body()),
                List.of());
    }

    record SessionInput(
            MentorshipId mentorshipId,
            @Nullable LocalDate heldOn,
            int durationMinutes,
            @Nullable String sharedNotes,
            @Nullable String privateNote,
            @Nullable List<String> actions,
            @Nullable String idempotencyKey) {}

    record NoteInput(MentoringSessionId sessionId, String body) {}

    record SessionPayload(MentoringSession session, List<UserError> userErrors) {}
}
