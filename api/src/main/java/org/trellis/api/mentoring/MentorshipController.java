package org.trellis.api.mentoring;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;
import org.trellis.api.frameworks.Competency;
import org.trellis.api.people.Person;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.Ids;
import org.trellis.graphql.UserError;

/** GraphQL {@code Mentorship}: the pairing queries, proposal and one mutation per transition, and its fields. */
@Controller
class MentorshipController {

    private final MentorshipService mentorships;
    private final MentorshipProposals proposals;
    private final MentorshipTransitions transitions;
    private final MentoringGoalService goals;
    private final MentoringSessionService sessions;
    private final MentoringJoins joins;

    MentorshipController(
            MentorshipService mentorships,
            MentorshipProposals proposals,
            MentorshipTransitions transitions,
            MentoringGoalService goals,
            MentoringSessionService sessions,
            MentoringJoins joins) {
        this.mentorships = mentorships;
        this.proposals = proposals;
        this.transitions = transitions;
        this.goals = goals;
        this.sessions = sessions;
        this.joins = joins;
    }

    @QueryMapping
    List<Mentorship> myMentorships(
            @Argument @Nullable MentoringRole role, @Argument @Nullable List<Mentorship.Status> status) {
        return mentorships.mine(
                ActorAuthentication.current(),
                role != MentoringRole.MENTEE,
                role != MentoringRole.MENTOR,
                statuses(status));
    }

    @QueryMapping
    Window<Mentorship> reportsMentorships(@Argument @Nullable List<Mentorship.Status> status, ScrollSubrange subrange) {
        return mentorships.ofReports(ActorAuthentication.current(), statuses(status), subrange);
    }

    @BatchMapping(typeName = "Mentorship", field = "mentor")
    Map<Mentorship, Person> mentor(List<Mentorship> items) {
        return joins.people(items, Mentorship::mentorId);
    }

    @BatchMapping(typeName = "Mentorship", field = "mentee")
    Map<Mentorship, Person> mentee(List<Mentorship> items) {
        return joins.people(items, Mentorship::menteeId);
    }

    @BatchMapping(typeName = "Mentorship", field = "proposedBy")
    Map<Mentorship, Person> proposedBy(List<Mentorship> items) {
        return joins.people(items, Mentorship::proposedById);
    }

    @BatchMapping(typeName = "Mentorship", field = "focus")
    Map<Mentorship, List<Competency>> focus(List<Mentorship> items) {
        Map<UUID, List<UUID>> ids = mentorships.focusOf(ids(items));
        Map<UUID, Competency> found = joins.competencies(
                ids.values().stream().flatMap(List::stream).distinct().toList());
        return byItem(
                items,
                m -> ids.getOrDefault(m.id(), List.of()).stream()
                        .map(found::get)
                        .toList());
    }

    @BatchMapping(typeName = "Mentorship", field = "goals")
    Map<Mentorship, List<MentoringGoal>> goals(List<Mentorship> items) {
        Map<UUID, List<MentoringGoal>> found = goals.goalsOf(ids(items));
        return byItem(items, m -> found.getOrDefault(m.id(), List.of()));
    }

    @BatchMapping(typeName = "Mentorship", field = "sessions")
    Map<Mentorship, List<MentoringSession>> sessions(List<Mentorship> items) {
        Map<UUID, List<MentoringSession>> found = sessions.sessionsOf(ids(items));
        return byItem(items, m -> found.getOrDefault(m.id(), List.of()));
    }

    @MutationMapping
    MentorshipPayload proposeMentorship(@Argument ProposeInput input) {
        return new MentorshipPayload(
                proposals.propose(
                        ActorAuthentication.current(),
                        Ids.decode(input.mentorId(), "Person"),
                        Ids.decode(input.menteeId(), "Person"),
                        input.focusCompetencyIds() == null
                                ? List.of()
                                : input.focusCompetencyIds().stream()
                                        .map(id -> Ids.decode(id, "Competency"))
                                        .toList(),
                        input.note(),
                        input.respondBy()),
                List.of());
    }

    @MutationMapping
    MentorshipPayload acceptMentorship(@Argument TransitionInput input) {
        return step(input, MentoringPolicy.Transition.ACCEPT);
    }

    @MutationMapping
    MentorshipPayload declineMentorship(@Argument TransitionInput input) {
        return step(input, MentoringPolicy.Transition.DECLINE);
    }

    @MutationMapping
    MentorshipPayload completeMentorship(@Argument TransitionInput input) {
        return step(input, MentoringPolicy.Transition.COMPLETE);
    }

    @MutationMapping
    MentorshipPayload endMentorship(@Argument TransitionInput input) {
        return step(input, MentoringPolicy.Transition.END);
    }

    private MentorshipPayload step(TransitionInput input, MentoringPolicy.Transition transition) {
        return new MentorshipPayload(
                transitions.apply(
                        ActorAuthentication.current(),
                        Ids.decode(input.id(), "Mentorship"),
                        input.expectedVersion(),
                        transition,
                        input.note()),
                List.of());
    }

    private static List<UUID> ids(List<Mentorship> items) {
        return items.stream().map(Mentorship::id).toList();
    }

    private static <V> Map<Mentorship, V> byItem(List<Mentorship> items, Function<Mentorship, V> value) {
        return items.stream().collect(Collectors.toMap(Function.identity(), value, (a, b) -> a));
    }

    private static @Nullable Set<Mentorship.Status> statuses(@Nullable List<Mentorship.Status> statuses) {
        return statuses == null || statuses.isEmpty() ? null : EnumSet.copyOf(statuses);
    }

    enum MentoringRole {
        MENTOR,
        MENTEE
    }

    record ProposeInput(
            String mentorId,
            String menteeId,
            @Nullable List<String> focusCompetencyIds,
            @Nullable String note,
            @Nullable Instant respondBy) {}

    record TransitionInput(
            String id, int expectedVersion, @Nullable String note) {}

    record MentorshipPayload(Mentorship mentorship, List<UserError> userErrors) {}
}
