package org.trellis.api.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives one request repeatedly and measures it. Closed loop: a fixed number of connections, each sending its next
 * request when the previous answer arrived, for the maximum throughput. Open loop: requests at a fixed arrival rate
 * whatever the answers do, each latency measured from the instant the request was scheduled to be sent (so a slow
 * answer delays nothing but still counts for every request that queued behind it: no coordinated omission). Any failed
 * request fails the whole measurement. Throughput is completed requests divided by the measured elapsed time.
 */
final class LoadGenerator {

    private final GraphQlHttp http;

    LoadGenerator(GraphQlHttp http) {
        this.http = http;
    }

    /**
     * What one measurement saw: completed requests, latencies (per request, or per step) in nanoseconds, sorted, and
     * the CPU the application, PostgreSQL and this load generator used meanwhile.
     */
    record Measurement(int completed, long elapsedNanos, long[] latencies, int failed, CpuUse cpu) {

        double perSecond() {
            return completed / (elapsedNanos / 1e9);
        }

        double millis(double percentile) {
            int index = (int) Math.ceil(percentile * latencies.length) - 1;
            return latencies[Math.clamp(index, 0, latencies.length - 1)] / 1e6;
        }

        double maxMillis() {
            return latencies[latencies.length - 1] / 1e6;
        }

        /** The application's CPU per completed request (or statement), in milliseconds. */
        double applicationCpuMillis() {
            return cpu.applicationNanos() / 1e6 / Math.max(1, completed);
        }

        /** PostgreSQL's CPU per completed request (or statement), in milliseconds. */
        double databaseCpuMillis() {
            return cpu.databaseNanos() / 1e6 / Math.max(1, completed);
        }

        /** The load generator's own CPU per completed request (or statement), in milliseconds. */
        double loadGeneratorCpuMillis() {
            return cpu.loadGeneratorNanos() / 1e6 / Math.max(1, completed);
        }

        /** Both measurements as one: their requests over their summed elapsed time, their latencies together. */
        Measurement and(Measurement other) {
            long[] all = Arrays.copyOf(latencies, latencies.length + other.latencies.length);
            System.arraycopy(other.latencies, 0, all, latencies.length, other.latencies.length);
            Arrays.sort(all);
            return new Measurement(
                    completed + other.completed,
                    elapsedNanos + other.elapsedNanos,
                    all,
                    failed + other.failed,
                    cpu.plus(other.cpu));
        }
    }

    /**
     * One caller's unit of work in a closed loop: sends one or more requests (or statements) and answers how many it
     * completed; throws on any failure. {@code caller} numbers the connection, from 0.
     */
    interface Step {
        int run(int caller) throws Exception;
    }

    /**
     * {@code connections} clients sending back to back for {@code duration}; a request started before the end counts
     * when it completes, and the elapsed time runs until the last one did.
     */
    Measurement closedLoop(GraphQlHttp.Request request, int connections, Duration duration) throws Exception {
        return closedLoop(
                caller -> {
                    http.send(request);
                    return 1;
                },
                connections,
                duration);
    }

    /**
     * As above with any step: throughput counts what the steps completed (requests, or statements), latencies are
     * per step.
     */
    static Measurement closedLoop(Step step, int connections, Duration duration) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong completed = new AtomicLong();
        CpuUse before = CpuUse.now();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        AtomicLong lastDone = new AtomicLong(start);
        List<Future<long[]>> workers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < connections; c++) {
                int caller = c;
                workers.add(threads.submit(() -> {
                    long[] latencies = new long[1024];
                    int count = 0;
                    while (System.nanoTime() < end && failure.get() == null) {
                        long sent = System.nanoTime();
                        try {
                            completed.addAndGet(step.run(caller));
                        } catch (Exception e) {
                            failure.compareAndSet(null, e);
                            break;
                        }
                        long done = System.nanoTime();
                        lastDone.accumulateAndGet(done, Math::max);
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = done - sent;
                    }
                    return Arrays.copyOf(latencies, count);
                }));
            }
        }
        failIf(failure);
        long[] all = workers.stream()
                .map(LoadGenerator::result)
                .flatMapToLong(Arrays::stream)
                .sorted()
                .toArray();
        return new Measurement(
                (int) completed.get(),
                lastDone.get() - start,
                all,
                0,
                CpuUse.now().since(before));
    }

    /**
     * {@code rate} requests a second for {@code duration}, sent at their scheduled instants without waiting for
     * answers; each latency runs from the scheduled instant to the complete answer. The elapsed time runs from the
     * first scheduled instant to the last answer, so a server that falls behind shows a lower achieved rate.
     */
    Measurement openLoop(GraphQlHttp.Request request, int rate, Duration duration) throws Exception {
        return openLoop(request, rate, duration, false);
    }

    /**
     * As above; with {@code countFailures}, a failed request (a rate beyond what the server sustains) does not stop
     * the run but counts, with its latency up to the failed answer: {@code completed} counts the successful ones.
     */
    Measurement openLoop(GraphQlHttp.Request request, int rate, Duration duration, boolean countFailures)
            throws Exception {
        int total = (int) (rate * duration.toSeconds());
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long[] latencies = new long[total];
        CountDownLatch answered = new CountDownLatch(total);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        AtomicLong lastDone = new AtomicLong(start);
        AtomicLong failed = new AtomicLong();
        CpuUse before = CpuUse.now();
        for (int i = 0; i < total && failure.get() == null; i++) {
            long scheduled = start + i * interval;
            for (long wait = scheduled - System.nanoTime(); wait > 0; wait = scheduled - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            Thread.ofVirtual().start(() -> {
                try {
                    http.send(request);
                } catch (Throwable e) {
                    if (countFailures) {
                        failed.incrementAndGet();
                    } else {
                        failure.compareAndSet(null, e);
                    }
                } finally {
                    long done = System.nanoTime();
                    latencies[index] = done - scheduled;
                    lastDone.accumulateAndGet(done, Math::max);
                    answered.countDown();
                }
            });
        }
        failIf(failure);
        if (!answered.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Open loop: " + answered.getCount() + " requests never answered");
        }
        failIf(failure);
        Arrays.sort(latencies);
        return new Measurement(
                total - (int) failed.get(),
                lastDone.get() - start,
                latencies,
                (int) failed.get(),
                CpuUse.now().since(before));
    }

    private static void failIf(AtomicReference<Throwable> failure) {
        if (failure.get() != null) {
            throw new IllegalStateException("A benchmark request failed, so the run fails", failure.get());
        }
    }

    private static long[] result(Future<long[]> worker) {
        try {
            return worker.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
