package org.trellis.api.readiness;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.evidence.Evidence;
import org.trellis.api.evidence.EvidenceService;
import org.trellis.api.frameworks.Competency;
import org.trellis.api.frameworks.FrameworkService;
import org.trellis.api.frameworks.FrameworkVersion;
import org.trellis.api.frameworks.Level;
import org.trellis.api.people.Person;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.BatchJoins;

/**
 * GraphQL {@code Person.readiness} and the fields of {@code Readiness} and {@code CompetencyReadiness}: each a batch,
 * so a list of people with their readiness, competencies and counted evidence costs the same statements for one
 * person as for a hundred.
 */
@Controller
class ReadinessController {

    private final ReadinessService readiness;
    private final FrameworkService frameworks;
    private final EvidenceService evidence;

    ReadinessController(ReadinessService readiness, FrameworkService frameworks, EvidenceService evidence) {
        this.readiness = readiness;
        this.frameworks = frameworks;
        this.evidence = evidence;
    }

    @BatchMapping(typeName = "Person", field = "readiness")
    Map<Person, @Nullable Readiness> readiness(List<Person> persons) {
        Actor actor = ActorAuthentication.current();
        if (!ReadinessPolicy.isPersonCaller(actor)) {
            return BatchJoins.each(persons, p -> null);
        }
        Map<UUID, Readiness> found = readiness.of(actor, persons);
        return BatchJoins.each(persons, p -> found.get(p.id()));
    }

    @BatchMapping(typeName = "Readiness", field = "version")
    Map<Readiness, @Nullable FrameworkVersion> version(List<Readiness> items) {
        return BatchJoins.toOne(
                items, Readiness::versionId, ids -> frameworks.versions(actor(), ids), FrameworkVersion::id);
    }

    @BatchMapping(typeName = "Readiness", field = "level")
    Map<Readiness, @Nullable Level> level(List<Readiness> items) {
        return BatchJoins.toOne(items, Readiness::levelId, ids -> frameworks.levels(actor(), ids), Level::id);
    }

    @BatchMapping(typeName = "CompetencyReadiness", field = "competency")
    Map<Readiness.CompetencyReadiness, @Nullable Competency> competency(List<Readiness.CompetencyReadiness> items) {
        return BatchJoins.toOne(
                items,
                Readiness.CompetencyReadiness::competencyId,
                ids -> frameworks.competenciesById(actor(), ids),
                Competency::id);
    }

    @BatchMapping(typeName = "CompetencyReadiness", field = "evidence")
    Map<Readiness.CompetencyReadiness, List<Evidence>> evidence(List<Readiness.CompetencyReadiness> items) {
        Map<UUID, Evidence> found = BatchJoins.byId(
                evidence.getAll(
                        actor(),
                        items.stream()
                                .flatMap(item -> item.evidenceIds().stream())
                                .distinct()
                                .toList()),
                Evidence::id);
        return BatchJoins.each(
                items,
                item -> item.evidenceIds().stream()
                        .map(found::get)
                        .filter(Objects::nonNull)
                        .toList());
    }

    private static Actor actor() {
        return ActorAuthentication.current();
    }
}
