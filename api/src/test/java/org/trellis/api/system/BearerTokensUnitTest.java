package org.trellis.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The bearer token read from a request is exactly what Spring Security's default resolver reads, or refuses. */
class BearerTokensUnitTest {

    private static final String ALPHABET = "aZ09-._~+/= \t\"',;:é\u0000\u212a\u0130\u0131Bb";

    @Test
    void readsWhatTheDefaultResolverReadsAndRefusesWhatItRefuses() {
        List<String> headers = new ArrayList<>(List.of(
                "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln",
                "bearer abc",
                "BEARER abc==",
                "BeArEr a+b/c~d.e_f-g=",
                "Bearer ",
                "Bearer",
                "Bearer  abc",
                "Bearer abc def",
                "Bearer abc=d",
                "Bearer =",
                "Bearer \u212aey",
                "Bearer abc\n",
                "Bearer\tabc",
                "Basic dXNlcjpwYXNz",
                "Bearerabc",
                "\u0130earer abc",
                "Bearer é",
                ""));
        Random random = new Random(12);
        for (int n = 0; n < 5_000; n++) {
            StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : "bEaReR");
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                header.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            headers.add(header.toString());
        }

        for (String header : headers) {
            assertThat(outcome(new BearerTokens()::resolve, header))
                    .as("Authorization: %s", header)
                    .isEqualTo(outcome(new DefaultBearerTokenResolver()::resolve, header));
        }
    }

    @Test
    void aRequestWithoutTheHeaderHasNoToken() {
        assertThat(new BearerTokens().resolve(new MockHttpServletRequest("POST", "/graphql")))
                .isNull();
    }

    private static String outcome(Resolver resolver, String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
        request.addHeader("Authorization", header);
        try {
            return "token " + resolver.resolve(request);
        } catch (OAuth2AuthenticationException e) {
            return "refused " + e.getError().getErrorCode() + ": "
                    + e.getError().getDescription();
        }
    }

    private interface Resolver {
        String resolve(MockHttpServletRequest request);
    }
}
