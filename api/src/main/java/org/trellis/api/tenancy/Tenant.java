package org.trellis.api.tenancy;

import java.time.Instant;
import java.util.UUID;

/** A customer organisation, as the schema's {@code Tenant}. */
public record Tenant(UUID id, String slug, String name, TenantStatus status, Instant createdAt) {}
