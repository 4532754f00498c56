package org.trellis.api.people;

import java.util.Map;
import java.util.UUID;
import org.trellis.api.shared.DomainEvent;
import org.trellis.api.shared.EventType;

/** The people feature's domain events: a person provisioned (by whom: admin, SCIM, sign-in) or deactivated. */
final class PersonEvents {

    private PersonEvents() {}

    static DomainEvent provisioned(UUID tenantId, UUID personId, ProfileSource source) {
        return new DomainEvent(
                tenantId, EventType.PERSON_PROVISIONED, personId, personId, Map.of("source", source.name()));
    }

    static DomainEvent deactivated(UUID tenantId, UUID personId) {
        return new DomainEvent(tenantId, EventType.PERSON_DEACTIVATED, personId, personId, Map.of());
    }
}
