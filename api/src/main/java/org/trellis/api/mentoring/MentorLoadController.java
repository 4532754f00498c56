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
import org.trellis.api.shared.Ids;
import org.trellis.graphql.UserError;

/** GraphQL {@code MentorLoad}: a mentor's capacity and load, and setting the capacity. */
@Controller
class MentorLoadController {

    private final MentorLoads loads;
    private final MentoringJoins joins;

    MentorLoadController(MentorLoads loads, MentoringJoins joins) {
        this.loads = loads;
        this.joins = joins;
    }

    @QueryMapping
    MentorLoad mentorLoad(@Argument @Nullable String personId) {
        Actor actor = ActorAuthentication.current();
        UUID person = personId == null ? MentoringPolicy.requirePerson(actor) : Ids.decode(personId, "Person");
        return loads.load(actor, person);
    }

    @BatchMapping(typeName = "MentorLoad", field = "mentor")
    Map<MentorLoad, Person> mentor(List<MentorLoad> items) {
        return joins.people(items, MentorLoad::mentorId);
    }

    @MutationMapping
    LoadPayload setMentorCapacity(@Argument CapacityInput input) {
        return new LoadPayload(
                loads.setCapacity(
                        ActorAuthentication.current(), Ids.decode(input.personId(), "Person"), input.capacity()),
                List.of());
    }

    record CapacityInput(String personId, int capacity) {}

    record LoadPayload(MentorLoad mentorLoad, List<UserError> userErrors) {}
}
