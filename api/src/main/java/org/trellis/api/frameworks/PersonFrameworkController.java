package org.trellis.api.frameworks;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.people.Person;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.BatchJoins;

/** GraphQL {@code Person}'s framework fields: the current assignment and the history, where details are visible. */
@Controller
class PersonFrameworkController {

    private final AssignmentService assignments;

    PersonFrameworkController(AssignmentService assignments) {
        this.assignments = assignments;
    }

    @BatchMapping(typeName = "Person", field = "frameworkAssignment")
    Map<Person, @Nullable Assignment> frameworkAssignment(List<Person> persons) {
        var found = assignments.of(ActorAuthentication.current(), persons, true);
        return BatchJoins.each(
                persons,
                p -> found.getOrDefault(p.id(), List.of()).stream().findFirst().orElse(null));
    }

    /** Null for people the caller may not see in detail; an empty list for those never assigned. */
    @BatchMapping(typeName = "Person", field = "frameworkAssignmentHistory")
    Map<Person, @Nullable List<Assignment>> frameworkAssignmentHistory(List<Person> persons) {
        var found = assignments.of(ActorAuthentication.current(), persons, false);
        return BatchJoins.toManyWhereVisible(persons, Person::detailed, Person::id, found);
    }
}
