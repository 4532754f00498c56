package org.trellis.api.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which identity-provider URLs Trellis agrees to fetch. */
class ProviderUrlsUnitTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://login.example.com/realms/acme",
                "https://acme.okta.com/oauth2/default",
                "https://login.microsoftonline.com/1b2c/v2.0"
            })
    void acceptsPublicHttpsUrls(String url) {
        assertThat(ProviderUrls.problem(url, false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://login.example.com/realms/acme",
                "ftp://login.example.com",
                "https://user:secret@login.example.com",
                "https://login.example.com/#fragment",
                "/relative/path",
                "https://127.0.0.1/keys",
                "https://localhost/keys",
                "https://10.1.2.3/keys",
                "https://192.168.0.10/keys",
                "https://169.254.169.254/latest/meta-data",
                "https://[::1]/keys",
                "not a url at all"
            })
    void refusesEverythingElse(String url) {
        assertThat(ProviderUrls.problem(url, false)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/dev/issuers/demo", "http://localhost:9999/jwks"})
    void allowsPlainHttpOnLoopbackOnlyWhenConfigured(String url) {
        assertThat(ProviderUrls.problem(url, true)).isEmpty();
        assertThat(ProviderUrls.problem(url, false)).isPresent();
        assertThat(ProviderUrls.problem(
                        url.replace("127.0.0.1", "example.com").replace("localhost", "example.com"), true))
                .isPresent();
    }
}
