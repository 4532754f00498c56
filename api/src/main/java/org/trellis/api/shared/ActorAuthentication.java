package org.trellis.api.shared;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** A verified credential (a JWT, or a SCIM credential id) and the {@link Actor} it stands for. */
public final class ActorAuthentication extends AbstractAuthenticationToken {

    private final Actor actor;
    private final Object token;

    public ActorAuthentication(Actor actor, Object token) {
        super(authorities(actor));
        this.actor = actor;
        this.token = token;
        setAuthenticated(true);
    }

    /** The actor of the current request. */
    public static Actor current() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ActorAuthentication authentication) {
            return authentication.actor;
        }
        throw new UnauthenticatedException();
    }

    @Override
    public Actor getPrincipal() {
        return actor;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public String getName() {
        return actor.subject();
    }

    private static List<GrantedAuthority> authorities(Actor actor) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        actor.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
        actor.scopes().forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
        return authorities;
    }
}
