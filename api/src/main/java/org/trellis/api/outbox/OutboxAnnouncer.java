package org.trellis.api.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.trellis.persistence.FixedStatement;

/**
 * Tells every instance, on {@code trellis_outbox}, which events committed, once they have: a write hands over the
 * ids of the events it stored when its transaction has committed, and one thread sends whatever was handed over
 * within 20 ms of the first as a few notifications, in one statement of its own ({@code pg_notify} over an array). Each notification
 * is one tenant's id followed by up to {@value #IDS_PER_NOTIFICATION} event ids, separated by spaces.
 *
 * <p>Writes send no {@code NOTIFY} themselves: PostgreSQL serialises the commits of transactions that notify, WAL
 * flush included (measured here with {@code pgbench}: 5,700–6,000 commits/s without one, 1,800–2,000 with one). An
 * announcement is best effort: one lost (the instance stopped right after the commit, the database was unreachable,
 * or the queue of {@value #QUEUED} was full) delays nobody for long, as the outbound relay also polls and a live feed
 * catches up by {@code seq} whenever its listener listens again.
 */
@Component
public class OutboxAnnouncer implements SmartLifecycle {

    /** Ids per notification: a tenant's id and this many ids, each 36 characters and a space, stay under 8,000 bytes. */
    static final int IDS_PER_NOTIFICATION = 200;

    static final int QUEUED = 100_000;

    private static final int PER_STATEMENT = 5_000;
    /**
     * How long the first event waits for others, so that a busy instance sends a statement per many commits: each
     * notification also wakes every instance's listener. A live feed hears of an event at most this much later; the
     * outbound relay wakes at most once per {@code wake-gap} (100 ms) whatever it hears.
     */
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private static final Logger log = LoggerFactory.getLogger(OutboxAnnouncer.class);

    private final FixedStatement notify;
    private final BlockingQueue<Announced> queue = new ArrayBlockingQueue<>(QUEUED);
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running;
    private @Nullable Thread thread;

    OutboxAnnouncer(DSLContext db) {
        this.notify = FixedStatement.of(
                db,
                args -> db.resultQuery(
                                "select pg_notify({0}, payload) from unnest(cast({1} as text[])) as payload",
                                DSL.inline(OutboxListener.CHANNEL), args.of(SQLDataType.CLOB.array()))
                        .coerce(DSL.field(DSL.name("pg_notify"), SQLDataType.OTHER)));
    }

    /** One committed event of a tenant. */
    record Announced(UUID tenantId, UUID id) {}

    /** Queues the announcement of these committed events; never blocks. */
    void announce(List<Announced> committed) {
        for (Announced event : committed) {
            if (!queue.offer(event) && dropped.getAndIncrement() % 1000 == 0) {
                log.warn("Outbox announcements are queued faster than they are sent; some are dropped (the relay's"
                        + " poll and the live feeds' catch-up still find their events)");
            }
        }
    }

    /** The notifications' payloads for these events: per tenant, in order of first appearance, in chunks. */
    static List<String> payloads(List<Announced> events) {
        Map<UUID, List<UUID>> byTenant = new LinkedHashMap<>();
        for (Announced event : events) {
            byTenant.computeIfAbsent(event.tenantId(), t -> new ArrayList<>()).add(event.id());
        }
        List<String> payloads = new ArrayList<>();
        byTenant.forEach((tenantId, ids) -> {
            for (int from = 0; from < ids.size(); from += IDS_PER_NOTIFICATION) {
                StringBuilder payload = new StringBuilder(tenantId.toString());
                for (UUID id : ids.subList(from, Math.min(ids.size(), from + IDS_PER_NOTIFICATION))) {
                    payload.append(' ').append(id);
                }
                payloads.add(payload.toString());
            }
        });
        return payloads;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("trellis-outbox-announcer").start(this::run);
    }

    /** Stops taking new work, and sends what is queued (waiting up to a second for it). */
    @Override
    public synchronized void stop() {
        running = false;
        Thread current = thread;
        if (current != null) {
            try {
                current.join(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops after the web server (whose requests' last commits are still announced), before the database goes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        List<Announced> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Announced first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                gather(batch, System.nanoTime() + LINGER_NANOS);
                send(payloads(batch));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Announcing {} committed outbox events failed: {}", batch.size(), e.getMessage());
            } finally {
                batch.clear();
            }
        }
    }

    /** Adds to the batch what is queued, and what comes until {@code deadline}, up to one statement's worth. */
    private void gather(List<Announced> batch, long deadline) throws InterruptedException {
        queue.drainTo(batch, PER_STATEMENT - batch.size());
        long left;
        while (batch.size() < PER_STATEMENT && (left = deadline - System.nanoTime()) > 0) {
            Announced next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, PER_STATEMENT - batch.size());
        }
    }

    private void send(List<String> payloads) {
        notify.with((Object) payloads.toArray(String[]::new)).execute();
    }
}
