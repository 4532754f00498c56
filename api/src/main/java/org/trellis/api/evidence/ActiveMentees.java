package org.trellis.api.evidence;

import java.util.Set;
import java.util.UUID;

/**
 * Whom a person actively mentors right now. The mentoring module provides it, so the evidence rules can let an
 * active mentor see and review a mentee's evidence for exactly as long as the pairing is active.
 */
public interface ActiveMentees {

    Set<UUID> of(UUID mentorId);
}
