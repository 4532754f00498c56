package org.trellis.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How announcements turn into relay passes: soon, never lost, and at most one per wake-up gap. */
class RelayScheduleUnitTest {

    private final AtomicInteger passes = new AtomicInteger();
    private final AtomicInteger measured = new AtomicInteger();

    @Test
    void aBurstOfAnnouncementsRunsOnePassAndHoldsTheRestForTheGap() throws Exception {
        try (var schedule = new NotificationConfiguration.RelaySchedule(
                passes::incrementAndGet, measured::incrementAndGet, Duration.ofSeconds(2))) {
            for (int i = 0; i < 1000; i++) {
                schedule.announced();
            }
            awaitPasses(1);
            Thread.sleep(500);

            // the first announcement's pass; any announced after it began wait for the gap
            assertThat(passes).hasValue(1);
            assertThat(measured).hasValue(0);
        }
    }

    @Test
    void anAnnouncementDuringAPassRunsOneMoreOnceTheGapHasPassed() throws Exception {
        CountDownLatch inPass = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Runnable pass = () -> {
            if (passes.incrementAndGet() == 1) {
                inPass.countDown();
                await(release);
            }
        };
        try (var schedule =
                new NotificationConfiguration.RelaySchedule(pass, measured::incrementAndGet, Duration.ofMillis(200))) {
            schedule.announced();
            assertThat(inPass.await(10, TimeUnit.SECONDS)).isTrue();
            schedule.announced();
            schedule.announced();
            release.countDown();

            awaitPasses(2);
            Thread.sleep(400);
            assertThat(passes).hasValue(2);
        }
    }

    @Test
    void thePollRunsAPassAndReadsTheBacklog() throws Exception {
        try (var schedule = new NotificationConfiguration.RelaySchedule(
                passes::incrementAndGet, measured::incrementAndGet, Duration.ofSeconds(5))) {
            schedule.relay();
            awaitPasses(1);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (measured.get() == 0 && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertThat(measured).hasValue(1);
        }
    }

    @Test
    void aFailingPassIsLoggedAndTheNextAnnouncementStillRunsOne() throws Exception {
        Runnable pass = () -> {
            if (passes.incrementAndGet() == 1) {
                throw new IllegalStateException("database unavailable");
            }
        };
        try (var schedule =
                new NotificationConfiguration.RelaySchedule(pass, measured::incrementAndGet, Duration.ofMillis(50))) {
            schedule.announced();
            awaitPasses(1);
            Thread.sleep(100);
            schedule.announced();
            awaitPasses(2);
        }
    }

    private void awaitPasses(int count) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (passes.get() < count && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(passes).as("passes").hasValueGreaterThanOrEqualTo(count);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
