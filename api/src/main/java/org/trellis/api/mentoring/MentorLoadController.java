package org.trellis.api.mentoring;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.people.Person;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.BatchJoins;
import org.trellis.api.shared.Ids.PersonId;
import org.trellis.graphql.UserError;

/** GraphQL {@code MentorLoad}: a mentor's capacity and load, and setting the capacity. */
@Controller
class MentorLoadController {

    private final MentorLoads loads;
    private final MentoringLookups lookups;

    MentorLoadController(MentorLoads loads, MentoringLookups lookups) {
        this.loads = loads;
        this.lookups = lookups;
    }

    @QueryMapping
    MentorLoad mentorLoad(@Argument @Nullable PersonId personId) {
        Actor actor = ActorAuthentication.current();
        UUID person = personId == null ? MentoringPolicy.requirePerson(actor) : personId.value();
        return loads.load(actor, person);
    }

    @BatchMapping(typeName = "MentorLoad", field = "mentor")
    Map<MentorLoad, @Nullable Person> mentor(List<MentorLoad> items) {
        return BatchJoins.toOne(items, MentorLoad::mentorId, lookups::people, Person::id);
    }

    @MutationMapping
    LoadPayload setMentorCapacity(@Argument CapacityInput input) {
        return new LoadPayload(
                loads.setCapacity(
                        ActorAuthentication.current(), input.personId().value(), input.capacity()),
                List.of());
    }

    record CapacityInput(PersonId personId, int capacity) {}

    record LoadPayload(MentorLoad mentorLoad, List<UserError> userErrors) {}
}
