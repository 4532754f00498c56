package org.trellis.api.mentoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.trellis.api.evidence.Evidence;
import org.trellis.api.evidence.EvidenceService;
import org.trellis.api.frameworks.Competency;
import org.trellis.api.frameworks.FrameworkService;
import org.trellis.api.people.PeopleService;
import org.trellis.api.people.Person;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.Ids;
import org.trellis.graphql.UserError;

/** GraphQL: pairings, their content, loads and suggestions; one mutation per transition. */
@Controller
class MentoringController {

    private final MentorshipService mentorships;
    private final MentoringContentService content;
    private final MentorSuggestions suggestions;
    private final PeopleService people;
    private final FrameworkService frameworks;
    private final EvidenceService evidence;

    MentoringController(
            MentorshipService mentorships,
            MentoringContentService content,
            MentorSuggestions suggestions,
            PeopleService people,
            FrameworkService frameworks,
            EvidenceService evidence) {
        this.mentorships = mentorships;
        this.content = content;
        this.suggestions = suggestions;
        this.people = people;
        this.frameworks = frameworks;
        this.evidence = evidence;
    }

    // --- queries -------------------------------------------------------------------------------------------------

    @QueryMapping
    List<Mentorship> myMentorships(
            @Argument @Nullable MentoringRole role, @Argument @Nullable List<Mentorship.Status> status) {
        return mentorships.mine(actor(), role != MentoringRole.MENTEE, role != MentoringRole.MENTOR, statuses(status));
    }

    @QueryMapping
    Window<Mentorship> reportsMentorships(@Argument @Nullable List<Mentorship.Status> status, ScrollSubrange subrange) {
        return mentorships.ofReports(actor(), statuses(status), subrange);
    }

    @QueryMapping
    MentorLoad mentorLoad(@Argument @Nullable String personId) {
        Actor actor = actor();
        UUID person = personId == null ? MentorshipService.person(actor) : Ids.decode(personId, "Person");
        return mentorships.load(actor, person);
    }

    @QueryMapping
    MentorSuggestions.Result mentorSuggestions(
            @Argument String menteeId,
            @Argument @Nullable List<String> competencyIds,
            @Argument @Nullable Boolean excludeReportingLine,
            @Argument @Nullable Integer first) {
        return suggestions.suggest(
                actor(),
                Ids.decode(menteeId, "Person"),
                competencyIds == null
                        ? null
                        : competencyIds.stream()
                                .map(id -> Ids.decode(id, "Competency"))
                                .toList(),
                excludeReportingLine == null || excludeReportingLine,
                first == null ? 5 : Math.max(1, Math.min(first, 20)));
    }

    // --- fields, loaded in batches -------------------------------------------------------------------------------

    @BatchMapping(typeName = "Mentorship", field = "mentor")
    Map<Mentorship, Person> mentor(List<Mentorship> items) {
        return people(items, Mentorship::mentorId);
    }

    @BatchMapping(typeName = "Mentorship", field = "mentee")
    Map<Mentorship, Person> mentee(List<Mentorship> items) {
        return people(items, Mentorship::menteeId);
    }

    @BatchMapping(typeName = "Mentorship", field = "proposedBy")
    Map<Mentorship, Person> proposedBy(List<Mentorship> items) {
        return people(items, Mentorship::proposedById);
    }

    @BatchMapping(typeName = "MentorLoad", field = "mentor")
    Map<MentorLoad, Person> loadMentor(List<MentorLoad> items) {
        return people(items, MentorLoad::mentorId);
    }

    @BatchMapping(typeName = "MentoringSession", field = "loggedBy")
    Map<MentoringSession, Person> loggedBy(List<MentoringSession> items) {
        return people(items, MentoringSession::loggedById);
    }

    @BatchMapping(typeName = "Mentorship", field = "focus")
    Map<Mentorship, List<Competency>> focus(List<Mentorship> items) {
        Map<UUID, List<UUID>> ids =
                mentorships.focusOf(items.stream().map(Mentorship::id).toList());
        Map<UUID, Competency> found = competencies(
                ids.values().stream().flatMap(List::stream).distinct().toList());
        return items.stream()
                .collect(Collectors.toMap(
                        Function.identity(),
                        m -> ids.getOrDefault(m.id(), List.of()).stream()
                                .map(found::get)
                                .toList(),
                        (a, b) -> a));
    }

    @BatchMapping(typeName = "Mentorship", field = "goals")
    Map<Mentorship, List<MentoringGoal>> goals(List<Mentorship> items) {
        Map<UUID, List<MentoringGoal>> found =
                content.goalsOf(items.stream().map(Mentorship::id).toList());
        return items.stream()
                .collect(
                        Collectors.toMap(Function.identity(), m -> found.getOrDefault(m.id(), List.of()), (a, b) -> a));
    }

    @BatchMapping(typeName = "Mentorship", field = "sessions")
    Map<Mentorship, List<MentoringSession>> sessions(List<Mentorship> items) {
        Map<UUID, List<MentoringSession>> found =
                content.sessionsOf(items.stream().map(Mentorship::id).toList());
        return items.stream()
                .collect(
                        Collectors.toMap(Function.identity(), m -> found.getOrDefault(m.id(), List.of()), (a, b) -> a));
    }

    @BatchMapping(typeName = "MentoringGoal", field = "competency")
    Map<MentoringGoal, Competency> goalCompetency(List<MentoringGoal> items) {
        Map<UUID, Competency> found = competencies(
                items.stream().map(MentoringGoal::competencyId).distinct().toList());
        return items.stream()
                .collect(Collectors.toMap(Function.identity(), g -> found.get(g.competencyId()), (a, b) -> a));
    }

    @BatchMapping(typeName = "MentoringGoal", field = "evidence")
    Map<MentoringGoal, @Nullable Evidence> goalEvidence(List<MentoringGoal> items) {
        return evidence(items, MentoringGoal::evidenceId);
    }

    @BatchMapping(typeName = "MentoringSession", field = "evidence")
    Map<MentoringSession, @Nullable Evidence> sessionEvidence(List<MentoringSession> items) {
        return evidence(items, MentoringSession::evidenceId);
    }

    @BatchMapping(typeName = "MentoringSession", field = "actions")
    Map<MentoringSession, List<MentoringAction>> actions(List<MentoringSession> items) {
        Map<UUID, List<MentoringAction>> found =
                content.actionsOf(items.stream().map(MentoringSession::id).toList());
        return items.stream()
                .collect(
                        Collectors.toMap(Function.identity(), s -> found.getOrDefault(s.id(), List.of()), (a, b) -> a));
    }

    @BatchMapping(typeName = "MentoringSession", field = "privateNote")
    Map<MentoringSession, @Nullable String> privateNote(List<MentoringSession> items) {
        Map<UUID, String> mine = content.myPrivateNotes(
                actor(), items.stream().map(MentoringSession::id).toList());
        Map<MentoringSession, @Nullable String> result = new HashMap<>();
        items.forEach(s -> result.put(s, mine.get(s.id())));
        return result;
    }

    // --- mutations -----------------------------------------------------------------------------------------------

    @MutationMapping
    MentorshipPayload proposeMentorship(@Argument ProposeInput input) {
        return new MentorshipPayload(
                mentorships.propose(
                        actor(),
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

    @MutationMapping
    LoadPayload setMentorCapacity(@Argument CapacityInput input) {
        return new LoadPayload(
                mentorships.setCapacity(actor(), Ids.decode(input.personId(), "Person"), input.capacity()), List.of());
    }

    @MutationMapping
    GoalPayload addMentoringGoal(@Argument GoalInput input) {
        return new GoalPayload(
                content.addGoal(
                        actor(),
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
                content.setGoalStatus(
                        actor(),
                        Ids.decode(input.id(), "MentoringGoal"),
                        input.expectedVersion(),
                        input.status(),
                        Boolean.TRUE.equals(input.logEvidence())),
                List.of());
    }

    @MutationMapping
    SessionPayload logMentoringSession(@Argument SessionInput input) {
        return new SessionPayload(
                content.logSession(
                        actor(),
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
                content.setPrivateNote(actor(), Ids.decode(input.sessionId(), "MentoringSession"), input.body()),
                List.of());
    }

    @MutationMapping
    ActionPayload setMentoringActionDone(@Argument ActionInput input) {
        return new ActionPayload(
                content.setActionDone(actor(), Ids.decode(input.id(), "MentoringAction"), input.done()), List.of());
    }

    private MentorshipPayload step(TransitionInput input, MentoringPolicy.Transition transition) {
        return new MentorshipPayload(
                mentorships.apply(
                        actor(),
                        Ids.decode(input.id(), "Mentorship"),
                        input.expectedVersion(),
                        transition,
                        input.note()),
                List.of());
    }

    private <T> Map<T, Person> people(List<T> items, Function<T, UUID> id) {
        Map<UUID, Person> found = people
                .getAll(actor(), items.stream().map(id).distinct().toList())
                .stream()
                .collect(Collectors.toMap(Person::id, Function.identity()));
        Map<T, Person> result = new HashMap<>();
        items.forEach(item -> {
            Person person = found.get(id.apply(item));
            if (person != null) {
                result.put(item, person);
            }
        });
        return result;
    }

    private <T> Map<T, @Nullable Evidence> evidence(List<T> items, Function<T, @Nullable UUID> id) {
        Map<UUID, Evidence> found =
                evidence
                        .getAll(
                                actor(),
                                items.stream()
                                        .map(id)
                                        .filter(Objects::nonNull)
                                        .distinct()
                                        .toList())
                        .stream()
                        .collect(Collectors.toMap(Evidence::id, Function.identity()));
        Map<T, @Nullable Evidence> result = new HashMap<>();
        items.forEach(item -> {
            UUID evidenceId = id.apply(item);
            result.put(item, evidenceId == null ? null : found.get(evidenceId));
        });
        return result;
    }

    private Map<UUID, Competency> competencies(List<UUID> ids) {
        return frameworks.competenciesById(actor(), ids).stream()
                .collect(Collectors.toMap(Competency::id, Function.identity()));
    }

    private static @Nullable Set<Mentorship.Status> statuses(@Nullable List<Mentorship.Status> statuses) {
        return statuses == null || statuses.isEmpty() ? null : EnumSet.copyOf(statuses);
    }

    private static Actor actor() {
        return ActorAuthentication.current();
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

    record CapacityInput(String personId, int capacity) {}

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

    record SessionInput(
            String mentorshipId,
            @Nullable LocalDate heldOn,
            int durationMinutes,
            @Nullable String sharedNotes,
            @Nullable String privateNote,
            @Nullable List<String> actions,
            @Nullable String idempotencyKey) {}

    record NoteInput(String sessionId, String body) {}

    record ActionInput(String id, boolean done) {}

    record MentorshipPayload(Mentorship mentorship, List<UserError> userErrors) {}

    record LoadPayload(MentorLoad mentorLoad, List<UserError> userErrors) {}

    record GoalPayload(MentoringGoal goal, List<UserError> userErrors) {}

    record SessionPayload(MentoringSession session, List<UserError> userErrors) {}

    record ActionPayload(MentoringAction action, List<UserError> userErrors) {}
}
