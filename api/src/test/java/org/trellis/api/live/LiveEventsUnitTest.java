package org.trellis.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.trellis.api.outbox.OutboxEvent;
import org.trellis.api.shared.EventType;

class LiveEventsUnitTest {

    @Test
    void submittingAddsToTheQueueAndEveryWayOutOfSubmittedRemoves() {
        assertThat(LiveEvents.movesQueue(changed("DRAFT", "SUBMITTED"))).isTrue();
        assertThat(LiveEvents.movesQueue(changed(null, "SUBMITTED")))
                .as("imported as submitted")
                .isTrue();
        for (String out : new String[] {"ENDORSED", "CHANGES_REQUESTED", "REJECTED", "WITHDRAWN"}) {
            assertThat(LiveEvents.movesQueue(changed("SUBMITTED", out))).as(out).isTrue();
        }
    }

    @Test
    void changesThatNeverTouchSubmittedLeaveTheQueueAlone() {
        assertThat(LiveEvents.movesQueue(changed(null, "DRAFT"))).isFalse();
        assertThat(LiveEvents.movesQueue(changed("DRAFT", "DRAFT")))
                .as("an edit")
                .isFalse();
        assertThat(LiveEvents.movesQueue(changed("SUBMITTED", "SUBMITTED")))
                .as("edited in review")
                .isFalse();
        assertThat(LiveEvents.movesQueue(changed("DRAFT", "WITHDRAWN"))).isFalse();
    }

    @Test
    void theQueuePayloadSaysWhetherTheItemEnteredOrLeft() {
        assertThat(LiveEvents.ReviewQueueChanged.of(changed("DRAFT", "SUBMITTED"), null)
                        .change())
                .isEqualTo("ADDED");
        assertThat(LiveEvents.ReviewQueueChanged.of(changed("SUBMITTED", "ENDORSED"), null)
                        .change())
                .isEqualTo("REMOVED");
    }

    private static OutboxEvent changed(String before, String now) {
        Map<String, String> data = new HashMap<>(Map.of("status", now, "change", "TRANSITIONED", "version", "2"));
        if (before != null) {
            data.put("previousStatus", before);
        }
        return new OutboxEvent(
                UUID.randomUUID(),
                1,
                EventType.EVIDENCE_CHANGED,
                UUID.randomUUID(),
                UUID.randomUUID(),
                data,
                Instant.now());
    }
}
