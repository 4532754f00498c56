package org.trellis.api.people;

/**
 * Who owns a person's profile. Sign-in refreshes the email and name from the token only for people it created
 * ({@link #SIGN_IN}); profiles that SCIM or a tenant admin manage are never overwritten by token claims.
 */
public enum ProfileSource {
    ADMIN,
    SCIM,
    SIGN_IN
}
