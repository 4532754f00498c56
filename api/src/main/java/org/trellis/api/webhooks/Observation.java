package org.trellis.api.webhooks;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.trellis.api.evidence.Evidence;

/**
 * Work a provider event shows someone did, before Trellis knows who that someone is.
 *
 * @param competencyKeys the competencies it supports, by key
 * @param optional captured only where the person's framework has one of the competencies (e.g. delivery); otherwise
 *     a missing competency is kept as an unmatched event for an admin
 */
record Observation(
        Account account,
        Evidence.Kind kind,
        Set<String> competencyKeys,
        String title,
        String description,
        LocalDate occurredOn,
        @Nullable String link,
        String externalId,
        boolean optional) {}
