package org.trellis.api.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What one send of the announcer puts on the channel: per tenant, in order, each notification under 8,000 bytes. */
class OutboxAnnouncerUnitTest {

    private static final UUID ACME = UUID.randomUUID();
    private static final UUID GLOBEX = UUID.randomUUID();

    @Test
    void eventsAreGroupedByTenantInTheOrderTheyCommitted() {
        UUID a1 = UUID.randomUUID();
        UUID b1 = UUID.randomUUID();
        UUID a2 = UUID.randomUUID();

        List<String> payloads = OutboxAnnouncer.payloads(List.of(
                new OutboxAnnouncer.Announced(ACME, a1),
                new OutboxAnnouncer.Announced(GLOBEX, b1),
                new OutboxAnnouncer.Announced(ACME, a2)));

        assertThat(payloads).containsExactly(ACME + " " + a1 + " " + a2, GLOBEX + " " + b1);
    }

    @Test
    void manyEventsOfOneTenantAreSplitIntoNotificationsPostgresAccepts() {
        List<UUID> ids = IntStream.range(0, OutboxAnnouncer.IDS_PER_NOTIFICATION * 2 + 1)
                .mapToObj(i -> UUID.randomUUID())
                .toList();

        List<String> payloads = OutboxAnnouncer.payloads(
                ids.stream().map(id -> new OutboxAnnouncer.Announced(ACME, id)).toList());

        assertThat(payloads).hasSize(3).allSatisfy(payload -> {
            assertThat(payload.getBytes(StandardCharsets.UTF_8).length).isLessThan(8000);
            assertThat(payload).startsWith(ACME + " ");
        });
        List<String> announced = new ArrayList<>();
        payloads.forEach(payload -> {
            List<String> words = List.of(payload.split(" "));
            announced.addAll(words.subList(1, words.size()));
        });
        assertThat(announced).isEqualTo(ids.stream().map(UUID::toString).toList());
    }

    @Test
    void nothingToAnnounceSendsNothing() {
        assertThat(OutboxAnnouncer.payloads(List.of())).isEmpty();
    }
}
