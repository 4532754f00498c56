package org.trellis.api.people;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.NodeResolver;
import org.trellis.graphql.GlobalId;

/** GraphQL: the caller ({@code me}) and people. */
@Controller
class PeopleController implements NodeResolver {

    private final PeopleService people;

    PeopleController(PeopleService people) {
        this.people = people;
    }

    @QueryMapping
    Actor me() {
        return ActorAuthentication.current();
    }

    @BatchMapping(typeName = "Viewer", field = "person")
    Map<Actor, @Nullable Person> viewerPerson(List<Actor> viewers) {
        Actor actor = ActorAuthentication.current();
        List<UUID> ids = viewers.stream()
                .map(Actor::personId)
                .filter(java.util.Objects::nonNull)
                .toList();
        Map<UUID, Person> found =
                people.getAll(actor, ids).stream().collect(Collectors.toMap(Person::id, Function.identity()));
        Map<Actor, @Nullable Person> result = new java.util.HashMap<>();
        viewers.forEach(viewer -> result.put(viewer, viewer.personId() == null ? null : found.get(viewer.personId())));
        return result;
    }

    @SchemaMapping(typeName = "Person", field = "id")
    String id(Person person) {
        return GlobalId.encode("Person", person.id());
    }

    @Override
    public String type() {
        return "Person";
    }

    @Override
    public Object resolve(Actor actor, UUID id) {
        return people.get(actor, id);
    }
}
