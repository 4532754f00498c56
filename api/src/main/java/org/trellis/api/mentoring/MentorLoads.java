package org.trellis.api.mentoring;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.people.PeopleService;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.NotFoundException;
import org.trellis.api.shared.Validation;
import org.trellis.graphql.UserError.Code;

/**
 * A mentor's capacity (set, or the configured default), active mentees and open proposals. Capacity changes take
 * the per-mentor lock that accepting takes, so concurrent accepts cannot exceed it.
 */
@Service
class MentorLoads {

    private final MentorCapacities capacities;
    private final PeopleService people;
    private final AuditTrail audit;
    private final MentoringProperties properties;

    MentorLoads(MentorCapacities capacities, PeopleService people, AuditTrail audit, MentoringProperties properties) {
        this.capacities = capacities;
        this.people = people;
        this.audit = audit;
        this.properties = properties;
    }

    /** A mentor's capacity, active mentees and open proposals. */
    @Transactional(readOnly = true)
    MentorLoad load(Actor actor, UUID mentor) {
        manageable(actor, mentor);
        return loads(List.of(mentor)).get(mentor);
    }

    /** Loads of these people, for proposals and suggestions (no permission check: callers decide what to show). */
    Map<UUID, MentorLoad> loads(Collection<UUID> mentors) {
        Map<UUID, Integer> set = capacities.capacities(mentors);
        Map<UUID, MentorCapacities.Load> loads = capacities.loads(mentors);
        Map<UUID, MentorLoad> result = new HashMap<>();
        for (UUID mentor : mentors) {
            MentorCapacities.Load load = loads.getOrDefault(mentor, new MentorCapacities.Load(0, 0));
            result.put(
                    mentor,
                    new MentorLoad(
                            mentor,
                            set.getOrDefault(mentor, properties.defaultCapacity()),
                            load.active(),
                            load.proposed()));
        }
        return result;
    }

    /** The mentor's load under their lock, held to the end of the transaction (for accepting). */
    MentorLoad lockedLoad(UUID tenant, UUID mentor) {
        capacities.lockMentor(tenant, mentor);
        return loads(List.of(mentor)).get(mentor);
    }

    @Transactional
    MentorLoad setCapacity(Actor actor, UUID mentor, int capacity) {
        manageable(actor, mentor);
        if (capacity < 0 || capacity > 20) {
            Validation validation = new Validation();
            validation.reject(Code.INVALID, "Between 0 and 20.", "input", "capacity");
            validation.throwIfInvalid();
        }
        capacities.lockMentor(actor.tenant(), mentor);
        capacities.setCapacity(actor.tenant(), mentor, capacity);
        audit.record(actor, actor.tenant(), "mentor.capacity-set", "Person", mentor, Map.of("capacity", capacity));
        return loads(List.of(mentor)).get(mentor);
    }

    private void manageable(Actor actor, UUID mentor) {
        if (people.getAll(actor, List.of(mentor)).isEmpty()) {
            throw new NotFoundException("Person");
        }
        MentoringPolicy.requireManageMentor(actor, mentor, people.reportsOf(actor));
    }
}
