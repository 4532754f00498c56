package org.trellis.api.evidence;

import java.util.UUID;

/**
 * A piece of a person's evidence became endorsed ({@code endorsed}) or stopped being endorsed, published in the
 * transaction of the change (the readiness rollup itself is kept by the database in the same transaction).
 */
public record EvidenceEndorsementChanged(UUID tenantId, UUID personId, UUID evidenceId, boolean endorsed) {}
