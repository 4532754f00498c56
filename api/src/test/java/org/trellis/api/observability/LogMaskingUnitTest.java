package org.trellis.api.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogMaskingUnitTest {

    @Test
    void masksTokensAndIssuedSecrets() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2lnbmF0dXJl";
        assertThat(LogMasking.mask("token " + jwt + " refused"))
                .isEqualTo("token [masked jwt] refused")
                .doesNotContain("c2lnbmF0dXJl");
        assertThat(LogMasking.mask("Authorization: Bearer abc.def-123")).isEqualTo("Authorization: Bearer [masked]");
        assertThat(LogMasking.mask("scim_0123456789abcdef0123456789abcdef_Zm9vYmFy9abcdefghij"))
                .isEqualTo("scim_[masked]");
        assertThat(LogMasking.mask("Securing GET /graphql?query=x&access_token=abc-123&y=1"))
                .isEqualTo("Securing GET /graphql?query=x&access_token=[masked]&y=1");
        assertThat(LogMasking.mask("secret whsec_QUJDREVGR0hJSktMTU5PUA12")).isEqualTo("secret whsec_[masked]");
    }

    @Test
    void masksExactlyWhatEveryPatternRunUnconditionallyMasks() {
        java.util.List<String> parts = java.util.List.of(
                "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2ln",
                "eyJ",
                "BeArEr abc.def",
                "bearer\t",
                "TOKEN=x",
                "Client_Secret=y&z",
                "password=",
                "id_token=eyJabcd.efgh.ij",
                "scim_0123456789abcdef0123456789abcdef_Zm9vYmFy9abcdefghij",
                "whsec_QUJDREVGR0hJSktMTU5PUA12",
                "whsec_short",
                "audit action=evidence.endorsed target=Evidence:1",
                "ſecret=", // the long s, which case-insensitive regular expressions may take for an s
                "K",
                " ",
                "=",
                ".",
                "_");
        java.util.Random random = new java.util.Random(20261129);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder value = new StringBuilder();
            for (int n = random.nextInt(5); n >= 0; n--) {
                value.append(parts.get(random.nextInt(parts.size())));
            }
            String text = value.toString();
            assertThat(LogMasking.mask(text)).as(text).isEqualTo(LogMasking.maskEveryPattern(text));
        }
    }

    @Test
    void leavesOrdinaryTextAlone() {
        assertThat(LogMasking.mask("Refused POST /graphql: missing_token (Not authenticated)"))
                .isEqualTo("Refused POST /graphql: missing_token (Not authenticated)");
        assertThat(LogMasking.mask("audit action=scim_credential.created target=x.y"))
                .isEqualTo("audit action=scim_credential.created target=x.y");
    }
}
