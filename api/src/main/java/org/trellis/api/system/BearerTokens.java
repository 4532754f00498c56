package org.trellis.api.system;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Spring Security's {@link DefaultBearerTokenResolver} (tokens from the {@code Authorization} header only), with the
 * common case decided without its regular expression, which every request ran over the whole token: a header of
 * {@code Bearer} (any case), one space and a token of RFC 6750's characters gives that token. Any other header, or
 * none, is answered by the default resolver, so refusals and their errors stay its own.
 */
final class BearerTokens implements BearerTokenResolver {

    private static final String SCHEME = "bearer ";

    private final DefaultBearerTokenResolver resolver = new DefaultBearerTokenResolver();

    @Override
    public @Nullable String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && isBearerToken(header) ? header.substring(SCHEME.length()) : resolver.resolve(request);
    }

    /** {@code ^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$}, ASCII case-insensitive: the default resolver's pattern. */
    static boolean isBearerToken(String header) {
        int length = header.length();
        if (length <= SCHEME.length()) {
            return false;
        }
        for (int i = 0; i < SCHEME.length(); i++) {
            char c = header.charAt(i);
            char expected = SCHEME.charAt(i);
            if (c != expected && !(expected != ' ' && c == expected - ('a' - 'A'))) {
                return false;
            }
        }
        int i = SCHEME.length();
        while (i < length && isTokenCharacter(header.charAt(i))) {
            i++;
        }
        if (i == SCHEME.length()) {
            return false;
        }
        while (i < length && header.charAt(i) == '=') {
            i++;
        }
        return i == length;
    }

    private static boolean isTokenCharacter(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '+'
                || c == '/';
    }
}
