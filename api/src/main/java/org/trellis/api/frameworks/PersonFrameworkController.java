package org.trellis.api.frameworks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.people.Person;
import org.trellis.api.shared.ActorAuthentication;

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
        Map<Person, @Nullable Assignment> result = new HashMap<>();
        persons.forEach(p -> result.put(
                p, found.get(p.id()).isEmpty() ? null : found.get(p.id()).getFirst()));
        return result;
    }

    @BatchMapping(typeName = "Person", field = "frameworkAssignmentHistory")
    Map<Person, List<Assignment>> frameworkAssignmentHistory(List<Person> persons) {
        var found = assignments.of(ActorAuthentication.current(), persons, false);
        return FrameworkJoins.byKey(persons, p -> found.get(p.id()));
    }
}
