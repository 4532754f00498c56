package org.trellis.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.trellis.api.support.ExecutionRegistries;
import org.trellis.api.support.IntegrationTest;
import org.trellis.graphql.QueuedLoaders;

class QueuedLoadersIntegrationTest extends IntegrationTest {

    @Autowired
    private ExecutionRegistries registries;

    @Test
    void operationsExecuteWithTheRegistryThatDispatchesOnlyQueuedLoaders() {
        String engineer = newTenant("queued-loaders").engineer();
        registries.clear();

        postQuery(engineer, "{ me { person { displayName manager { displayName } teams { name } } } }")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.errors")
                .doesNotExist()
                .jsonPath("$.data.me.person.displayName")
                .exists();

        // Spring filled the request's registry rather than replacing it, and no instrumentation copied it.
        assertThat(registries.seen()).containsExactly(QueuedLoaders.class);
    }
}
