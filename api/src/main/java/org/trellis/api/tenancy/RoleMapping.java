package org.trellis.api.tenancy;

import org.trellis.api.shared.Role;

/** A value of the roles claim and the Trellis role it grants. */
public record RoleMapping(String claimValue, Role role) {}
