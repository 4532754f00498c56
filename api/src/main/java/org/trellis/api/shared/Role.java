package org.trellis.api.shared;

/** Trellis roles, as in the GraphQL schema. */
public enum Role {
    PLATFORM_OPERATOR,
    TENANT_ADMIN,
    MANAGER,
    ENGINEER,
    PROMOTION_COMMITTEE;

    /** Roles a tenant's identity provider may grant. */
    public boolean grantableByTenant() {
        return this != PLATFORM_OPERATOR;
    }
}
