package org.trellis.api.tenancy;

/** Whether a tenant's tokens are accepted. */
public enum TenantStatus {
    ACTIVE,
    SUSPENDED
}
