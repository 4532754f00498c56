package org.trellis.api.tenancy;

/** Names of the token claims Trellis reads; dots reach into nested claims. */
public record ClaimMappings(String subject, String email, String name, String roles) {

    static final ClaimMappings DEFAULTS = new ClaimMappings("sub", "email", "name", "groups");
}
