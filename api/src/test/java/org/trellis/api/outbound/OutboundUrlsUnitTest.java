package org.trellis.api.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which identity-provider URLs Trellis agrees to fetch. */
class OutboundUrlsUnitTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://login.example.com/realms/acme",
                "https://acme.okta.com/oauth2/default",
                "https://login.microsoftonline.com/1b2c/v2.0"
            })
    void acceptsPublicHttpsUrls(String url) {
        assertThat(OutboundUrls.problem(url, false)).isEmpty();
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
                "https://localhost./keys",
                "https://LOCALHOST/keys",
                "https://LocalHost../keys",
                "https://keys.localhost/keys",
                "HTTPS://[::1]/keys",
                "https://[fd00::1]/keys",
                "https://[fe80::1]/keys",
                "https://100.64.0.1/keys",
                "https://0.0.0.0/keys",
                "https://[::ffff:10.0.0.1]/keys",
                "https://[::ffff:169.254.169.254]/keys",
                "https://[64:ff9b::a9fe:a9fe]/keys",
                "https://198.18.0.1/keys",
                "https://kubernetes/keys",
                "not a url at all"
            })
    void refusesEverythingElse(String url) {
        // Names resolving to private addresses (10.0.0.5.nip.io, kubernetes.default.svc) pass this syntactic check;
        // OutboundHttp refuses them when connecting (VettingDnsResolverUnitTest, OutboundHttpIntegrationTest).
        assertThat(OutboundUrls.problem(url, false)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"https://[2606:4700:4700::1111]/keys", "https://8.8.8.8/keys", "https://idp.example.com./x"})
    void acceptsPublicLiteralsAndFullyQualifiedNames(String url) {
        assertThat(OutboundUrls.problem(url, false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8080/dev/issuers/demo",
                "http://localhost:9999/jwks",
                "http://LOCALHOST.:9999/jwks",
                "http://[::1]:9999/jwks"
            })
    void allowsPlainHttpOnLoopbackOnlyWhenConfigured(String url) {
        assertThat(OutboundUrls.problem(url, true)).isEmpty();
        assertThat(OutboundUrls.problem(url, false)).isPresent();
        assertThat(OutboundUrls.problem(
                        "http://example.com" + java.net.URI.create(url).getRawPath(), true))
                .isPresent();
    }
}
