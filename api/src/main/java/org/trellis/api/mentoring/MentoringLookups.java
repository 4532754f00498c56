package org.trellis.api.mentoring;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.trellis.api.evidence.Evidence;
import org.trellis.api.evidence.EvidenceService;
import org.trellis.api.frameworks.Competency;
import org.trellis.api.frameworks.FrameworkService;
import org.trellis.api.people.PeopleService;
import org.trellis.api.people.Person;
import org.trellis.api.shared.ActorAuthentication;

/**
 * The other features' rows that mentoring types refer to, loaded by id with the caller's own visibility (what the
 * caller may not see is left out). The controllers join them with {@link org.trellis.api.shared.BatchJoins}.
 */
@Component
class MentoringLookups {

    private final PeopleService people;
    private final FrameworkService frameworks;
    private final EvidenceService evidence;

    MentoringLookups(PeopleService people, FrameworkService frameworks, EvidenceService evidence) {
        this.people = people;
        this.frameworks = frameworks;
        this.evidence = evidence;
    }

    List<Person> people(List<UUID> ids) {
        return people.getAll(ActorAuthentication.current(), ids);
    }

    List<Evidence> evidence(List<UUID> ids) {
        return evidence.getAll(ActorAuthentication.current(), ids);
    }

    List<Competency> competencies(List<UUID> ids) {
        return frameworks.competenciesById(ActorAuthentication.current(), ids);
    }
}
