package org.trellis.api.evidence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.frameworks.Competency;
import org.trellis.api.frameworks.FrameworkService;
import org.trellis.api.people.PeopleService;
import org.trellis.api.people.Person;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;

/** GraphQL type {@code Evidence}: its person, reviewer and competencies, each loaded in one batch. */
@Controller
class EvidenceFieldController {

    private final EvidenceService evidence;
    private final PeopleService people;
    private final FrameworkService frameworks;

    EvidenceFieldController(EvidenceService evidence, PeopleService people, FrameworkService frameworks) {
        this.evidence = evidence;
        this.people = people;
        this.frameworks = frameworks;
    }

    @BatchMapping(typeName = "Evidence", field = "person")
    Map<Evidence, Person> person(List<Evidence> items) {
        Map<UUID, Person> found = index(
                people.getAll(
                        actor(),
                        items.stream().map(Evidence::personId).distinct().toList()),
                Person::id);
        return items.stream().collect(Collectors.toMap(Function.identity(), e -> found.get(e.personId()), (a, b) -> a));
    }

    @BatchMapping(typeName = "Evidence", field = "reviewedBy")
    Map<Evidence, @Nullable Person> reviewedBy(List<Evidence> items) {
        Map<UUID, Person> found = index(
                people.getAll(
                        actor(),
                        items.stream()
                                .map(Evidence::reviewedById)
                                .filter(Objects::nonNull)
                                .distinct()
                                .toList()),
                Person::id);
        Map<Evidence, @Nullable Person> result = new HashMap<>();
        items.forEach(e -> result.put(e, e.reviewedById() == null ? null : found.get(e.reviewedById())));
        return result;
    }

    @BatchMapping(typeName = "Evidence", field = "competencies")
    Map<Evidence, List<Competency>> competencies(List<Evidence> items) {
        Map<UUID, List<UUID>> ids =
                evidence.competencyIds(actor(), items.stream().map(Evidence::id).toList());
        Map<UUID, Competency> found = index(
                frameworks.competenciesById(
                        actor(),
                        ids.values().stream().flatMap(List::stream).distinct().toList()),
                Competency::id);
        return items.stream()
                .collect(Collectors.toMap(
                        Function.identity(),
                        e -> ids.get(e.id()).stream().map(found::get).toList(),
                        (a, b) -> a));
    }

    private static Actor actor() {
        return ActorAuthentication.current();
    }

    private static <T> Map<UUID, T> index(List<T> items, Function<T, UUID> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
