package org.trellis.api.mentoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.trellis.api.evidence.Evidence;
import org.trellis.api.evidence.EvidenceService;
import org.trellis.api.frameworks.Competency;
import org.trellis.api.frameworks.FrameworkService;
import org.trellis.api.people.PeopleService;
import org.trellis.api.people.Person;
import org.trellis.api.shared.ActorAuthentication;

/**
 * The mentoring controllers' batch joins to other features: people, evidence and competencies, each read once per
 * batch with the caller's own visibility (what the caller may not see is left out, or null).
 */
@Component
class MentoringJoins {

    private final PeopleService people;
    private final FrameworkService frameworks;
    private final EvidenceService evidence;

    MentoringJoins(PeopleService people, FrameworkService frameworks, EvidenceService evidence) {
        this.people = people;
        this.frameworks = frameworks;
        this.evidence = evidence;
    }

    /** Each item's person, for the people the caller may see. */
    <T> Map<T, Person> people(List<T> items, Function<T, UUID> id) {
        Map<UUID, Person> found =
                people
                        .getAll(
                                ActorAuthentication.current(),
                                items.stream().map(id).distinct().toList())
                        .stream()
                        .collect(Collectors.toMap(Person::id, Function.identity()));
        Map<T, Person> result = new HashMap<>();
        items.forEach(item -> {
            Person person = found.get(id.apply(item));
            if (person != null) {
                result.put(item, person);
            }
        });
        return result;
    }

    /** Each item's evidence, or null where there is none or the caller may not see it. */
    <T> Map<T, @Nullable Evidence> evidence(List<T> items, Function<T, @Nullable UUID> id) {
        Map<UUID, Evidence> found = evidence
                .getAll(
                        ActorAuthentication.current(),
                        items.stream()
                                .map(id)
                                .filter(Objects::nonNull)
                                .distinct()
                                .toList())
                .stream()
                .collect(Collectors.toMap(Evidence::id, Function.identity()));
        Map<T, @Nullable Evidence> result = new HashMap<>();
        items.forEach(item -> {
            UUID evidenceId = id.apply(item);
            result.put(item, evidenceId == null ? null : found.get(evidenceId));
        });
        return result;
    }

    /** Competencies by id. */
    Map<UUID, Competency> competencies(List<UUID> ids) {
        return frameworks.competenciesById(ActorAuthentication.current(), ids).stream()
                .collect(Collectors.toMap(Competency::id, Function.identity()));
    }
}
