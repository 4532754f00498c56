package org.trellis.api.readiness;

import java.util.UUID;
import org.springframework.stereotype.Component;
import org.trellis.api.people.Person;
import org.trellis.api.shared.Actor;

/** Whose readiness a caller may see, for other modules (live updates): the rule of {@link ReadinessPolicy}. */
@Component
public class ReadinessVisibility {

    private final ReadinessService readiness;

    ReadinessVisibility(ReadinessService readiness) {
        this.readiness = readiness;
    }

    /** The person, when the caller may see their readiness; NOT_FOUND otherwise, FORBIDDEN for service clients. */
    public Person visiblePerson(Actor actor, UUID personId) {
        return readiness.visiblePerson(actor, personId);
    }
}
