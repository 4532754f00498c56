package org.trellis.api.frameworks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.people.PeopleService;
import org.trellis.api.people.Person;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.InvalidInputException;
import org.trellis.graphql.UserError;
import org.trellis.graphql.UserError.Code;

/**
 * Who is measured against which framework version, at which level, aiming where. Tenant admins assign; a move to
 * another version or level ends the current assignment and starts a new one, so the history stays. Assignments
 * are person details: visible where the person's details are.
 */
@Service
public class AssignmentService {

    private final Assignments assignments;
    private final Frameworks frameworks;
    private final FrameworkContents contents;
    private final PeopleService people;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    AssignmentService(
            Assignments assignments,
            Frameworks frameworks,
            FrameworkContents contents,
            PeopleService people,
            AuditTrail audit,
            ApplicationEventPublisher events) {
        this.assignments = assignments;
        this.frameworks = frameworks;
        this.contents = contents;
        this.people = people;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public Assignment assign(
            Actor actor, UUID personId, UUID versionId, String currentLevel, @Nullable String targetLevel) {
        FrameworkPolicy.requireAssign(actor);
        people.get(actor, personId);
        FrameworkVersion version = frameworks.existingVersion(versionId);
        if (!FrameworkPolicy.assignable(version.status())) {
            throw InvalidInputException.of(new UserError(
                    List.of("input", "versionId"), "Only published versions can be assigned.", Code.INVALID));
        }
        Map<String, Level> levels = new LinkedHashMap<>();
        contents.levelsOf(List.of(versionId)).forEach(level -> levels.put(level.code(), level));
        Level current = levels.get(currentLevel);
        Level target = targetLevel == null ? null : levels.get(targetLevel);
        if (current == null || (targetLevel != null && target == null)) {
            throw InvalidInputException.of(new UserError(
                    List.of("input", current == null ? "currentLevel" : "targetLevel"),
                    "No such level in this version.",
                    Code.INVALID));
        }
        if (target != null && target.position() < current.position()) {
            throw InvalidInputException.of(new UserError(
                    List.of("input", "targetLevel"), "The target level is below the current level.", Code.INVALID));
        }
        assignments.endCurrent(personId);
        Assignment assignment = assignments.insert(
                actor.tenant(),
                personId,
                versionId,
                current.id(),
                target == null ? null : target.id(),
                actor.subject());
        audit.record(
                actor,
                actor.tenant(),
                "person.framework-assigned",
                "Person",
                personId,
                Map.of("version", versionId, "currentLevel", currentLevel, "targetLevel", String.valueOf(targetLevel)));
        events.publishEvent(new FrameworkAssigned(actor.tenant(), personId));
        return assignment;
    }

    /**
     * The competencies a person's evidence may name: those of their current framework version (for other modules'
     * validation; the caller's own permissions are checked there). Empty without an assignment.
     */
    @Transactional(readOnly = true)
    public Set<UUID> currentCompetencies(Actor actor, UUID personId) {
        FrameworkPolicy.requireReadLinked(actor);
        return contents.currentCompetencyIdsOf(personId);
    }

    /** The competencies of a person's current framework version, in order; empty without an assignment. */
    @Transactional(readOnly = true)
    public List<Competency> currentCompetencyList(Actor actor, UUID personId) {
        FrameworkPolicy.requireReadLinked(actor);
        return contents.currentCompetenciesOf(personId);
    }

    /** The current level of each of these people who has an assignment. */
    @Transactional(readOnly = true)
    public Map<UUID, Level> currentLevels(Actor actor, Collection<UUID> personIds) {
        FrameworkPolicy.requireReadLinked(actor);
        if (personIds.isEmpty()) {
            return Map.of();
        }
        List<Assignment> current = assignments.ofPeople(personIds, true);
        Map<UUID, Level> levels =
                contents
                        .levels(current.stream()
                                .map(Assignment::currentLevelId)
                                .distinct()
                                .toList())
                        .stream()
                        .collect(java.util.stream.Collectors.toMap(Level::id, level -> level));
        Map<UUID, Level> result = new LinkedHashMap<>();
        current.forEach(assignment -> result.put(assignment.personId(), levels.get(assignment.currentLevelId())));
        return result;
    }

    /** Current assignment (or history, newest first) of the people whose details the caller may see. */
    @Transactional(readOnly = true)
    public Map<UUID, List<Assignment>> of(Actor actor, Collection<Person> subjects, boolean currentOnly) {
        Map<UUID, List<Assignment>> result = new LinkedHashMap<>();
        subjects.forEach(person -> result.put(person.id(), new ArrayList<>()));
        List<UUID> visible =
                subjects.stream().filter(Person::detailed).map(Person::id).toList();
        if (!visible.isEmpty()) {
            assignments
                    .ofPeople(visible, currentOnly)
                    .forEach(a -> result.get(a.personId()).add(a));
        }
        return result;
    }
}
