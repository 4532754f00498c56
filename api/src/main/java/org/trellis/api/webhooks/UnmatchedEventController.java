package org.trellis.api.webhooks;

import graphql.execution.DataFetcherResult;
import java.util.List;
import java.util.Map;
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
import org.trellis.api.shared.BatchJoins;
import org.trellis.api.shared.Ids.PersonId;
import org.trellis.api.shared.Ids.UnmatchedEventId;
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
    DataFetcherResult<Window<UnmatchedEvent>> unmatchedEvents(
            @Argument UnmatchedEvent.Status status, ScrollSubrange subrange) {
        return unmatched.list(actor(), status, subrange);
    }

    @BatchMapping(typeName = "UnmatchedEvent", field = "person")
    Map<UnmatchedEvent, @Nullable Person> person(List<UnmatchedEvent> events) {
        return BatchJoins.toOne(events, UnmatchedEvent::personId, ids -> people.getAll(actor(), ids), Person::id);
    }

    @BatchMapping(typeName = "UnmatchedEvent", field = "evidence")
    Map<UnmatchedEvent, @Nullable Evidence> evidence(List<UnmatchedEvent> events) {
        return BatchJoins.toOne(events, UnmatchedEvent::evidenceId, ids -> evidence.getAll(actor(), ids), Evidence::id);
    }

    @MutationMapping
    EventPayload mapUnmatchedEvent(@Argument MapInput input) {
        return new EventPayload(
                unmatched.map(actor(), input.id().value(), input.personId().value()), List.of());
    }

    @MutationMapping
    EventPayload dismissUnmatchedEvent(@Argument IdInput input) {
        return new EventPayload(unmatched.dismiss(actor(), input.id().value()), List.of());
    }

    private static Actor actor() {
        return ActorAuthentication.current();
    }

    record MapInput(UnmatchedEventId id, PersonId personId) {}

    record IdInput(UnmatchedEventId id) {}

    record EventPayload(UnmatchedEvent unmatchedEvent, List<UserError> userErrors) {}
}
