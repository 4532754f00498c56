package org.trellis.api.frameworks;

import java.util.UUID;

/** A person was assigned a framework version or levels, published in the transaction of the change. */
public record FrameworkAssigned(UUID tenantId, UUID personId) {}
