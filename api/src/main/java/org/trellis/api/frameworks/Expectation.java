package org.trellis.api.frameworks;

import java.util.List;
import java.util.UUID;

/** What a level expects on a competency, and the rule readiness applies, as the schema's {@code Expectation}. */
public record Expectation(UUID competencyId, UUID levelId, String description, List<String> examples, Rule rule) {

    /**
     * The readiness rule of one competency at one level.
     *
     * @param minEndorsedEvidence endorsed evidence items needed
     * @param recencyMonths how far back evidence counts
     * @param minDistinctKinds distinct kinds of evidence needed
     * @param required whether the level needs this competency at all
     */
    public record Rule(int minEndorsedEvidence, int recencyMonths, int minDistinctKinds, boolean required) {}
}
