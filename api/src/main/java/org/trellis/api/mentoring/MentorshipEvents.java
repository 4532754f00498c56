package org.trellis.api.mentoring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.trellis.api.shared.DomainEvent;
import org.trellis.api.shared.EventType;

/**
 * Publishes {@code mentorship.state_changed} in the transaction of every write that moves a pairing: proposed,
 * accepted, declined, completed, ended, and closed because a member was deactivated. (A proposal that lapses at
 * its deadline changes by time alone: no write, no event.)
 */
@Component
class MentorshipEvents {

    private final ApplicationEventPublisher events;

    MentorshipEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    void stateChanged(UUID tenantId, Mentorship now, Mentorship.@Nullable Status before) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("status", now.status().name());
        if (before != null) {
            data.put("previousStatus", before.name());
        }
        data.put("mentorId", now.mentorId().toString());
        data.put("menteeId", now.menteeId().toString());
        events.publishEvent(
                new DomainEvent(tenantId, EventType.MENTORSHIP_STATE_CHANGED, now.id(), now.menteeId(), data));
    }
}
