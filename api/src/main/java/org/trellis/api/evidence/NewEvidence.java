package org.trellis.api.evidence;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Evidence about to be created, whatever brings it: logged by hand ({@code MANUAL}, a draft), imported, captured
 * from a provider or recorded by mentoring (those arrive submitted, with the source's id).
 *
 * @param loggedBy who logged it: {@link EvidencePolicy#ref} of the caller, or the recording module's name
 * @param externalId the source's stable id, unique per source; null for manual evidence
 */
record NewEvidence(
        UUID personId,
        String loggedBy,
        EvidenceInput input,
        Evidence.Source source,
        @Nullable String externalId,
        Evidence.Status status) {}
