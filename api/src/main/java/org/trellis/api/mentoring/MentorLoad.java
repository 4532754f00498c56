package org.trellis.api.mentoring;

import java.util.UUID;

/** A mentor's capacity and how much of it is taken, as the schema's {@code MentorLoad}. */
public record MentorLoad(UUID mentorId, int capacity, int activeMentees, int pendingProposals) {

    public int freeCapacity() {
        return Math.max(0, capacity - activeMentees);
    }
}
