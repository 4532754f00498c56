package org.trellis.api.shared;

import org.springframework.security.core.AuthenticationException;

/**
 * A verified token that may not sign in as what it claims to be (an unregistered machine client, or a person no one
 * provisioned where the provider does not provision just in time). Answered 403 with the reason, unlike a token
 * that does not verify (401).
 */
public class SignInRefusedException extends AuthenticationException {

    public SignInRefusedException(String message) {
        super(message);
    }
}
