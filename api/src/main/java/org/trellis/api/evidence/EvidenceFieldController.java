package org.trellis.api.evidence;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.frameworks.Competency;
import org.trellis.api.frameworks.FrameworkService;
import org.trellis.api.people.PeopleService;
import org.trellis.api.people.Person;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.BatchJoins;

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
    Map<Evidence, @Nullable Person> person(List<Evidence> items) {
        return BatchJoins.toOne(items, Evidence::personId, this::people, Person::id);
    }

    @BatchMapping(typeName = "Evidence", field = "reviewedBy")
    Map<Evidence, @Nullable Person> reviewedBy(List<Evidence> items) {
        return BatchJoins.toOne(items, Evidence::reviewedById, this::people, Person::id);
    }

    @BatchMapping(typeName = "Evidence", field = "competencies")
    Map<Evidence, List<Competency>> competencies(List<Evidence> items) {
        Map<UUID, List<UUID>> ids =
                evidence.competencyIds(actor(), items.stream().map(Evidence::id).toList());
        Map<UUID, Competency> found = BatchJoins.byId(
                frameworks.competenciesById(
                        actor(),
                        ids.values().stream().flatMap(List::stream).distinct().toList()),
                Competency::id);
        return BatchJoins.each(
                items,
                e -> ids.getOrDefault(e.id(), List.of()).stream()
                        .map(found::get)
                        .filter(Objects::nonNull)
                        .toList());
    }

    private static Actor actor() {
        return ActorAuthentication.current();
    }

    private List<Person> people(List<UUID> ids) {
        return people.getAll(actor(), ids);
    }
}
