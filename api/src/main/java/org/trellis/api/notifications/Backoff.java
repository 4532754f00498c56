package org.trellis.api.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: after {@code first}, doubling with each attempt up to {@code max}, with
 * jitter (a uniformly random wait between half and all of it), so receivers coming back up are not hit by
 * every retry at once. Pure: the random source is given.
 */
record Backoff(Duration first, Duration max, DoubleSupplier random) {

    /** The time of the next attempt after {@code attempts} failed ones, failing at {@code now}. */
    Instant next(Instant now, int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        long ceiling = Math.min(max.toMillis(), first.toMillis() << Math.min(doublings, 20));
        long wait = ceiling / 2 + (long) (random.getAsDouble() * (ceiling - ceiling / 2));
        return now.plusMillis(wait);
    }
}
