package org.trellis.api.mentoring;

import java.time.LocalDate;
import java.util.HashMap;
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
import org.trellis.api.people.Person;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.Ids;
import org.trellis.graphql.UserError;

/** GraphQL {@code MentoringSession}: logging sessions, private notes, and the session's fields. */
@Controller
class MentoringSessionController {

    private final MentoringSessionService sessions;
    private final MentoringActionService actions;
    private final MentoringJoins joins;

    MentoringSessionController(MentoringSessionService sessions, MentoringActionService actions, MentoringJoins joins) {
        this.sessions = sessions;
        this.actions = actions;
        this.joins = joins;
    }

    @BatchMapping(typeName = "MentoringSession", field = "loggedBy")
    Map<MentoringSession, Person> loggedBy(List<MentoringSession> items) {
        return joins.people(items, MentoringSession::loggedById);
    }

    @BatchMapping(typeName = "MentoringSession", field = "evidence")
    Map<MentoringSession, @Nullable Evidence> evidence(List<MentoringSession> items) {
        return joins.evidence(items, MentoringSession::evidenceId);
    }

    @BatchMapping(typeName = "MentoringSession", field = "actions")
    Map<MentoringSession, List<MentoringAction>> actions(List<MentoringSession> items) {
        Map<UUID, List<MentoringAction>> found = actions.actionsOf(ids(items));
        return items.stream()
                .collect(
                        Collectors.toMap(Function.identity(), s -> found.getOrDefault(s.id(), List.of()), (a, b) -> a));
    }

    @BatchMapping(typeName = "MentoringSession", field = "privateNote")
    Map<MentoringSession, @Nullable String> privateNote(List<MentoringSession> items) {
        Map<UUID, String> mine = sessions.myPrivateNotes(ActorAuthentication.current(), ids(items));
        Map<MentoringSession, @Nullable String> result = new HashMap<>();
        items.forEach(s -> result.put(s, mine.get(s.id())));
        return result;
    }

    @MutationMapping
    SessionPayload logMentoringSession(@Argument SessionInput input) {
        return new SessionPayload(
                sessions.logSession(
                        ActorAuthentication.current(),
                        Ids.decode(input.mentorshipId(), "Mentorship"),
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
                        ActorAuthentication.current(), Ids.decode(input.sessionId(), "MentoringSession"), input.body()),
                List.of());
    }

    private static List<UUID> ids(List<MentoringSession> items) {
        return items.stream().map(MentoringSession::id).toList();
    }

    record SessionInput(
            String mentorshipId,
            @Nullable LocalDate heldOn,
            int durationMinutes,
            @Nullable String sharedNotes,
            @Nullable String privateNote,
            @Nullable List<String> actions,
            @Nullable String idempotencyKey) {}

    record NoteInput(String sessionId, String body) {}

    record SessionPayload(MentoringSession session, List<UserError> userErrors) {}
}
