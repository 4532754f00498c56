package org.trellis.api.webhooks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.trellis.api.people.PeopleService;
import org.trellis.api.people.Person;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.Ids;
import org.trellis.graphql.UserError;

/** GraphQL type {@code UnmatchedEvent}: the queue tenant admins work through, its fields, mapping and dismissing. */
@Controller
class UnmatchedEventController {

    private final UnmatchedEventService unmatched;
    private final PeopleService people;
    private final EvidenceService evidence;

    UnmatchedEventController(UnmatchedEventService unmatched, PeopleService people, EvidenceService evidence) {
        this.unmatched = unmatched;
        this.people = people;
        this.evidence = evidence;
    }

    @QueryMapping
    Window<UnmatchedEvent> unmatchedEvents(@Argument UnmatchedEvent.Status status, ScrollSubrange subrange) {
        return unmatched.list(actor(), status, subrange);
    }

    @BatchMapping(typeName = "UnmatchedEvent", field = "person")
    Map<UnmatchedEvent, @Nullable Person> person(List<UnmatchedEvent> events) {
        Map<UUID, Person> found = people
                .getAll(
                        actor(),
                        events.stream()
                                .map(UnmatchedEvent::personId)
                                .filter(Objects::nonNull)
                                .distinct()
                                .toList())
                .stream()
                .collect(Collectors.toMap(Person::id, Function.identity()));
        Map<UnmatchedEvent, @Nullable Person> result = new HashMap<>();
        events.forEach(e -> result.put(e, e.personId() == null ? null : found.get(e.personId())));
        return result;
    }

    @BatchMapping(typeName = "UnmatchedEvent", field = "evidence")
    Map<UnmatchedEvent, @Nullable Evidence> evidence(List<UnmatchedEvent> events) {
        Map<UUID, Evidence> found = evidence
                .getAll(
                        actor(),
                        events.stream()
                                .map(UnmatchedEvent::evidenceId)
                                .filter(Objects::nonNull)
                                .distinct()
                                .toList())
                .stream()
                .collect(Collectors.toMap(Evidence::id, Function.identity()));
        Map<UnmatchedEvent, @Nullable Evidence> result = new HashMap<>();
        events.forEach(e -> result.put(e, e.evidenceId() == null ? null : found.get(e.evidenceId())));
        return result;
    }

    @MutationMapping
    EventPayload mapUnmatchedEvent(@Argument MapInput input) {
        return new EventPayload(
                unmatched.map(
                        actor(), Ids.decode(input.id(), "UnmatchedEvent"), Ids.decode(input.personId(), "Person")),
                List.of());
    }

    @MutationMapping
    EventPayload dismissUnmatchedEvent(@Argument IdInput input) {
        return new EventPayload(unmatched.dismiss(actor(), Ids.decode(input.id(), "UnmatchedEvent")), List.of());
    }

    private static Actor actor() {
        return ActorAuthentication.current();
    }

    record MapInput(String id, String personId) {}

    record IdInput(String id) {}

    record EventPayload(UnmatchedEvent unmatchedEvent, List<UserError> userErrors) {}
}
