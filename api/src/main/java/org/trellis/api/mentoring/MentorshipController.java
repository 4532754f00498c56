package org.trellis.api.mentoring;

import graphql.execution.DataFetcherResult;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
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
import org.trellis.api.shared.BatchJoins;
import org.trellis.api.shared.Ids.CompetencyId;
import org.trellis.api.shared.Ids.MentorshipId;
import org.trellis.api.shared.Ids.PersonId;
import org.trellis.graphql.UserError;

/** GraphQL {@code Mentorship}: the pairing queries, proposal and one mutation per transition, and its fields. */
@Controller
class MentorshipController {

    private final MentorshipService mentorships;
    private final MentorshipProposals proposals;
    private final MentorshipTransitions transitions;
    private final MentoringGoalService goals;
    private final MentoringSessionService sessions;
    private final MentoringLookups lookups;

    MentorshipController(
            MentorshipService mentorships,
            MentorshipProposals proposals,
            MentorshipTransitions transitions,
            MentoringGoalService goals,
            MentoringSessionService sessions,
            MentoringLookups lookups) {
        this.mentorships = mentorships;
        this.proposals = proposals;
        this.transitions = transitions;
        this.goals = goals;
        this.sessions = sessions;
        this.lookups = lookups;
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
    DataFetcherResult<Window<Mentorship>> reportsMentorships(
            @Argument @Nullable List<Mentorship.Status> status, ScrollSubrange subrange) {
        return mentorships.ofReports(ActorAuthentication.current(), statuses(status), subrange);
    }

    @BatchMapping(typeName = "Mentorship", field = "mentor")
    Map<Mentorship, @Nullable Person> mentor(List<Mentorship> items) {
        return BatchJoins.toOne(items, Mentorship::mentorId, lookups::people, Person::id);
    }

    @BatchMapping(typeName = "Mentorship", field = "mentee")
    Map<Mentorship, @Nullable Person> mentee(List<Mentorship> items) {
        return BatchJoins.toOne(items, Mentorship::menteeId, lookups::people, Person::id);
    }

    @BatchMapping(typeName = "Mentorship", field = "proposedBy")
    Map<Mentorship, @Nullable Person> proposedBy(List<Mentorship> items) {
        return BatchJoins.toOne(items, Mentorship::proposedById, lookups::people, Person::id);
    }

    @BatchMapping(typeName = "Mentorship", field = "focus")
    Map<Mentorship, List<Competency>> focus(List<Mentorship> items) {
        Map<UUID, List<UUID>> ids =
                mentorships.focusOf(items.stream().map(Mentorship::id).toList());
        Map<UUID, Competency> found = BatchJoins.byId(
                lookups.competencies(
                        ids.values().stream().flatMap(List::stream).distinct().toList()),
                Competency::id);
        return BatchJoins.each(
                items,
                m -> ids.getOrDefault(m.id(), List.of()).stream()
                        .map(found::get)
                        .filter(Objects::nonNull)
                        .toList());
    }

    @BatchMapping(typeName = "Mentorship", field = "goals")
    Map<Mentorship, List<MentoringGoal>> goals(List<Mentorship> items) {
        return BatchJoins.toMany(items, Mentorship::id, goals::goalsOf);
    }

    @BatchMapping(typeName = "Mentorship", field = "sessions")
    Map<Mentorship, List<MentoringSession>> sessions(List<Mentorship> items) {
        return BatchJoins.toMany(items, Mentorship::id, sessions::sessionsOf);
    }

    @MutationMapping
    MentorshipPayload proposeMentorship(@Argument ProposeInput input) {
        return new MentorshipPayload(
                proposals.propose(
                        ActorAuthentication.current(),
                        input.mentorId().value(),
                        input.menteeId().value(),
                        input.focusCompetencyIds() == null
                                ? List.of()
                                : input.focusCompetencyIds().stream()
                                        .map(CompetencyId::value)
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
                        input.id().value(),
                        input.expectedVersion(),
                        transition,
                        input.note()),
                List.of());
    }

    private static @Nullable Set<Mentorship.Status> statuses(@Nullable List<Mentorship.Status> statuses) {
        return statuses == null || statuses.isEmpty() ? null : EnumSet.copyOf(statuses);
    }

    enum MentoringRole {
        MENTOR,
        MENTEE
    }

    record ProposeInput(
            PersonId mentorId,
            PersonId menteeId,
            @Nullable List<CompetencyId> focusCompetencyIds,
            @Nullable String note,
            @Nullable Instant respondBy) {}

    record TransitionInput(
            MentorshipId id, int expectedVersion, @Nullable String note) {}

    record MentorshipPayload(Mentorship mentorship, List<UserError> userErrors) {}
}
