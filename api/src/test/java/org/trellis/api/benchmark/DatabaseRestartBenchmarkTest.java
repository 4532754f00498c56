package org.trellis.api.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.annotation.DirtiesContext;
import org.trellis.api.support.GraphQlProbe;
import org.trellis.api.support.GraphQlProbe.Outcome;
import org.trellis.api.support.IntegrationTest;
import org.trellis.api.support.TestDatabase;

/**
 * Restarts the REAL PostgreSQL server under open-loop load (benchmark profile only, and only when asked: it stops
 * every database on that server, so never on a shared one). Reads and writes are sent at a fixed rate whatever the
 * answers do; after a while the command in {@code -Dbenchmark.restartCommand} runs (e.g.
 * {@code "pg_ctlcluster 15 main restart"} or {@code "systemctl restart postgresql"}). It reports how many requests
 * failed and how, and how long the application took to serve again, and checks that failures were classified
 * (UNAVAILABLE or TIMEOUT, never INTERNAL), that it recovered within 30 s without a restart, and that every write it
 * acknowledged is in the database. {@code -Dbenchmark.restart.rate} sets requests per second (default 100, one in
 * five a write).
 *
 * <pre>./mvnw -B -pl api -am verify -Pbenchmark -Dtest=DatabaseRestartBenchmarkTest \
 *     -Dbenchmark.restartCommand="pg_ctlcluster 15 main restart"</pre>
 */
@Tag("benchmark")
// Runs only when asked for, and its application context closes with it: left running, it would listen, poll and relay
// beside the benchmark's application on the benchmark JVM's CPU (a fifth of the load generator's samples in a flight
// recording).
@EnabledIfSystemProperty(named = "benchmark.restartCommand", matches = ".*\\S.*")
@DirtiesContext
class DatabaseRestartBenchmarkTest extends IntegrationTest {

    private static final String READ = "{ me { person { id displayName } } }";
    private static final Duration BEFORE = Duration.ofSeconds(3);
    private static final Duration AFTER = Duration.ofSeconds(10);

    @Test
    void restartingPostgreSqlUnderLoadLosesNoAcknowledgedWriteAndRecoversWithin30Seconds() throws Exception {
        String command = System.getProperty("benchmark.restartCommand", "");
        Assumptions.assumeFalse(command.isBlank(), "set -Dbenchmark.restartCommand to restart the real PostgreSQL");
        int rate = Integer.getInteger("benchmark.restart.rate", 100);
        TestTenant tenant = newTenant("restart");
        String admin = tenant.admin();
        GraphQlProbe probe = new GraphQlProbe(port);
        assertThat(probe.read(admin, READ).succeeded()).isTrue();

        List<CompletableFuture<Outcome>> sent = Collections.synchronizedList(new ArrayList<>());
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        long restartStarted;
        AtomicLong restarted = new AtomicLong();
        Thread scheduler = Thread.ofVirtual().start(() -> {
            for (long n = 0; ; n++) {
                long due = start + n * interval;
                if (restarted.get() != 0 && due > restarted.get() + AFTER.toNanos()) {
                    return;
                }
                LockSupport.parkNanos(due - System.nanoTime());
                boolean write = n % 5 == 4;
                sent.add(CompletableFuture.supplyAsync(
                        () -> write ? probe.createTeam(admin, "Restart " + UUID.randomUUID()) : probe.read(admin, READ),
                        task -> Thread.ofVirtual().start(task)));
            }
        });
        Thread.sleep(BEFORE.toMillis());
        restartStarted = System.nanoTime();
        Process process = new ProcessBuilder("bash", "-c", command).inheritIO().start();
        assertThat(process.waitFor()).as("exit code of " + command).isZero();
        restarted.set(System.nanoTime());
        scheduler.join();
        List<Outcome> outcomes = new ArrayList<>();
        for (CompletableFuture<Outcome> outcome : List.copyOf(sent)) {
            outcomes.add(outcome.get(30, TimeUnit.SECONDS));
        }

        List<Outcome> failures = outcomes.stream().filter(o -> !o.succeeded()).toList();
        long lastFailure = failures.stream().mapToLong(Outcome::ended).max().orElse(restartStarted);
        System.out.printf(
                "Database restart: %d requests at %d/s, %d failed (%.3f %%; %d reads, %d writes) %s; restart command"
                        + " took %d ms; last failure %s after it returned; slowest request %d ms%n",
                outcomes.size(),
                rate,
                failures.size(),
                100.0 * failures.size() / outcomes.size(),
                failures.stream().filter(o -> o.kind().equals("read")).count(),
                failures.stream().filter(o -> o.kind().equals("write")).count(),
                failures.stream()
                        .map(o -> o.status() + " " + o.classification())
                        .distinct()
                        .toList(),
                Duration.ofNanos(restarted.get() - restartStarted).toMillis(),
                failures.isEmpty()
                        ? "none"
                        : Duration.ofNanos(lastFailure - restarted.get()).toMillis() + " ms",
                outcomes.stream().mapToLong(Outcome::millis).max().orElse(0));
        assertThat(failures)
                .allSatisfy(failure ->
                        assertThat(failure.classification()).as(failure.body()).isIn("UNAVAILABLE", "TIMEOUT"));
        assertThat(Duration.ofNanos(lastFailure - restarted.get())).isLessThan(Duration.ofSeconds(30));
        Set<String> acknowledged = new HashSet<>();
        outcomes.stream()
                .filter(o -> o.kind().equals("write") && o.succeeded())
                .forEach(o -> acknowledged.add(o.name()));
        assertThat(teamNames(tenant)).containsAll(acknowledged);
    }

    private static Set<String> teamNames(TestTenant tenant) throws Exception {
        Set<String> names = new HashSet<>();
        try (Connection connection = TestDatabase.INSTANCE.connectAsAdministrator();
                PreparedStatement select = connection.prepareStatement("select name from team where tenant_id = ?")) {
            select.setObject(1, tenant.uuid());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }
}
