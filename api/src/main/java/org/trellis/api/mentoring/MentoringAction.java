package org.trellis.api.mentoring;

import java.util.UUID;

/** An action agreed in a session, as the schema's {@code MentoringAction}. */
public record MentoringAction(UUID id, UUID sessionId, int position, String description, boolean done) {}
