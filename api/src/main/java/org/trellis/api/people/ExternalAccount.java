package org.trellis.api.people;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A person's account elsewhere, as the schema's {@code ExternalAccount}; unique per tenant and provider. */
public record ExternalAccount(
        UUID id,
        UUID personId,
        Provider provider,
        @Nullable UUID identityProviderId,
        String account,
        Instant createdAt) {

    /** Where the account lives. */
    public enum Provider {
        IDENTITY_PROVIDER,
        GITHUB,
        PAGERDUTY
    }
}
