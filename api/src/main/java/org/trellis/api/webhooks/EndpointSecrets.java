package org.trellis.api.webhooks;

import static org.trellis.persistence.jooq.Tables.WEBHOOK_ENDPOINT;

import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trellis.api.secrets.SealedSecretTable;
import org.trellis.api.secrets.SealedSecrets;

/** The inbound endpoints' sealed secrets (current and previous), for the re-encryption job. */
@Configuration(proxyBeanMethods = false)
class EndpointSecrets {

    @Bean
    SealedSecrets webhookEndpointSecrets(DSLContext db) {
        return new SealedSecretTable(
                db,
                "webhook-endpoints",
                WEBHOOK_ENDPOINT,
                WEBHOOK_ENDPOINT.TENANT_ID,
                WEBHOOK_ENDPOINT.ID,
                WEBHOOK_ENDPOINT.SECRET_CIPHERTEXT,
                WEBHOOK_ENDPOINT.PREVIOUS_SECRET_CIPHERTEXT,
                WEBHOOK_ENDPOINT.PREVIOUS_SECRET_EXPIRES_AT);
    }
}
