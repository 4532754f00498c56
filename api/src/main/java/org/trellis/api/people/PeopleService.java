package org.trellis.api.people;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.NotFoundException;

/** Reading people. Every tenant member sees colleagues' basic profiles; other tenants' people do not exist. */
@Service
public class PeopleService {

    private final People people;

    PeopleService(People people) {
        this.people = people;
    }

    @Transactional(readOnly = true)
    public Person get(Actor actor, UUID id) {
        actor.tenant();
        return people.findById(id).orElseThrow(() -> new NotFoundException("Person"));
    }

    @Transactional(readOnly = true)
    public List<Person> getAll(Actor actor, Collection<UUID> ids) {
        if (actor.tenantId() == null || ids.isEmpty()) {
            return List.of();
        }
        return people.findByIds(ids);
    }
}
