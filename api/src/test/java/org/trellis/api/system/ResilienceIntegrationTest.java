package org.trellis.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.trellis.api.TrellisApplication;
import org.trellis.api.support.GraphQlProbe;
import org.trellis.api.support.GraphQlProbe.Outcome;
import org.trellis.api.support.IntegrationTest;
import org.trellis.api.support.TcpProxy;
import org.trellis.api.support.TestDatabase;
import org.trellis.graphql.GlobalId;

/**
 * RESILIENCE TESTS, in their own application context (the one this class starts; the shared test context only sets
 * up the tenant): the application reaches PostgreSQL through a {@link TcpProxy}, so a database restart is simulated
 * by cutting every connection and refusing new ones, without touching the shared server. Statement timeout 2 s.
 * The last test shuts this application down.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResilienceIntegrationTest extends IntegrationTest {

    private static final Duration OUTAGE = Duration.ofSeconds(2);
    private static final Duration RECOVERY = Duration.ofSeconds(30);
    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(2);
    private static final String READ = "{ me { person { id displayName } } }";

    @Autowired
    private Environment environment;

    private GraphQlProbe probe;
    private TcpProxy proxy;
    private ConfigurableApplicationContext application;
    private int applicationPort;
    private TestTenant tenant;
    private String admin;

    @BeforeAll
    void startBehindProxy() {
        tenant = newTenant("resilience");
        admin = tenant.admin();
        proxy = TestDatabase.INSTANCE.proxy();
        String[] arguments = Stream.concat(
                        Stream.of(
                                        "spring.datasource.username",
                                        "spring.datasource.password",
                                        "trellis.security.platform.issuer",
                                        "trellis.secrets.key")
                                .map(name -> "--" + name + "=" + environment.getRequiredProperty(name)),
                        Stream.of(
                                "--spring.datasource.url=" + TestDatabase.INSTANCE.urlThrough(proxy),
                                "--trellis.database.statement-timeout=" + STATEMENT_TIMEOUT.toMillis() + "ms",
                                "--server.port=0",
                                "--spring.liquibase.enabled=false"))
                .toArray(String[]::new);
        application = new SpringApplicationBuilder(TrellisApplication.class)
                .profiles("test")
                .run(arguments);
        applicationPort = application.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        probe = new GraphQlProbe(applicationPort);
        assertThat(post(admin, READ).succeeded()).isTrue();
    }

    @AfterAll
    void stop() {
        if (application != null) {
            application.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    @Order(1)
    void aReadWhoseConnectionBreaksUnderItIsAnsweredByItsRetry() throws Exception {
        String teamId = createTeam("Blocked " + UUID.randomUUID())
                .data()
                .path("createTeam")
                .path("team")
                .path("id")
                .asString();
        double retriesBefore = queryRetries();
        try (Connection lock = TestDatabase.INSTANCE.connectAsAdministrator()) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("lock table team in access exclusive mode");
            CompletableFuture<Outcome> read = CompletableFuture.supplyAsync(
                    () -> post(admin, "query($id: ID!) { team(id: $id) { name } }", Map.of("id", teamId)));
            awaitWaitingOnLock();
            proxy.sever(); // the read's connection breaks while its statement runs
            lock.commit();
            Outcome outcome = read.get();
            assertThat(outcome.succeeded()).as(outcome.body()).isTrue();
            assertThat(outcome.data().path("team").path("name").asString()).startsWith("Blocked ");
        }
        assertThat(queryRetries()).isEqualTo(retriesBefore + 1);
    }

    /**
     * A token never seen before is signed in against the database; when that connection breaks under the sign-in, the
     * sign-in runs once more on a fresh one (it converges on the token's claims) and the read is answered.
     */
    @Test
    @Order(1)
    void aSignInWhoseConnectionBreaksUnderItIsSignedInOnceMore() throws Exception {
        String fresh = tenant.admin();
        double brokenBefore = counter("trellis.database.broken-connections");
        try (Connection lock = TestDatabase.INSTANCE.connectAsAdministrator()) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("lock table service_client in access exclusive mode");
            CompletableFuture<Outcome> read = CompletableFuture.supplyAsync(() -> post(fresh, READ));
            awaitWaitingOnLock();
            proxy.sever(); // the sign-in's connection breaks while its first statement waits
            lock.commit();
            Outcome outcome = read.get();
            assertThat(outcome.succeeded()).as(outcome.body()).isTrue();
            assertThat(outcome.data()
                            .path("me")
                            .path("person")
                            .path("displayName")
                            .asString())
                    .isEqualTo("admin");
        }
        assertThat(counter("trellis.database.broken-connections")).isGreaterThan(brokenBefore);
    }

    @Test
    @Order(2)
    void survivesADatabaseRestartUnderLoadWithoutLosingAnAcknowledgedWriteOrFailingARead() throws Exception {
        double retriesBefore = queryRetries();
        double brokenBefore = counter("trellis.database.broken-connections");
        Load load = Load.start(this, 3, 2);
        Thread.sleep(1000);
        long down = System.nanoTime();
        proxy.refuse();
        proxy.sever();
        Thread.sleep(OUTAGE.toMillis());
        proxy.accept();
        long up = System.nanoTime();
        awaitWithin(RECOVERY, () -> load.succeededAfter(up, "read") && load.succeededAfter(up, "write"));
        long recovered = load.firstSuccessAfter(up);
        Thread.sleep(1000);
        List<Outcome> outcomes = load.stop();

        List<Outcome> failures =
                outcomes.stream().filter(outcome -> !outcome.succeeded()).toList();
        System.out.printf(
                "Resilience: %d requests (%d reads, %d writes), %d failed (%d reads, %d writes), classifications %s;"
                        + " first success %d ms after the database was back; slowest request %d ms;"
                        + " %.0f queries retried, %.0f transactions begun again%n",
                outcomes.size(),
                outcomes.stream().filter(o -> o.kind().equals("read")).count(),
                outcomes.stream().filter(o -> o.kind().equals("write")).count(),
                failures.size(),
                failures.stream().filter(o -> o.kind().equals("read")).count(),
                failures.stream().filter(o -> o.kind().equals("write")).count(),
                failures.stream().map(Outcome::classification).distinct().toList(),
                Duration.ofNanos(recovered - up).toMillis(),
                outcomes.stream().mapToLong(Outcome::millis).max().orElse(0),
                queryRetries() - retriesBefore,
                counter("trellis.database.broken-connections") - brokenBefore);
        // Failures are classified JSON (never a 500, a stack trace or a hung request) ...
        assertThat(failures).allSatisfy(failure -> {
            assertThat(failure.classification()).as(failure.body()).isIn("UNAVAILABLE", "TIMEOUT");
            assertThat(failure.status()).as(failure.body()).isIn(200, 503);
        });
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.millis()).isLessThan(15_000));
        // ... and only while the database was unreachable: everything sent once it is back succeeds.
        assertThat(outcomes.stream().filter(o -> o.started() > up + 200_000_000L))
                .isNotEmpty()
                .allSatisfy(outcome ->
                        assertThat(outcome.succeeded()).as(outcome.body()).isTrue());
        assertThat(Duration.ofNanos(recovered - up)).isLessThan(RECOVERY);
        assertThat(failures.stream().allMatch(o -> o.started() < up)).isTrue();
        // A read that met a broken connection ran again and waited for the database (the pool waits 5 s, the
        // outage lasts 2): no read failed. A write in flight when the connections broke may fail (UNAVAILABLE).
        assertThat(failures).noneMatch(failure -> failure.kind().equals("read"));
        // The outage was met, not slept through: a request waited for the database to come back, or one found its
        // connection broken (a transaction begun again, a query retried, a write refused). Which of these happens
        // depends on timing (the pool's own check on borrowing discards a broken connection uncounted);
        // aSignInWhoseConnectionBreaksUnderItIsSignedInOnceMore counts a transaction begun again for certain.
        boolean waited = outcomes.stream().anyMatch(o -> o.started() < up - 500_000_000L && o.ended() > up);
        double found = counter("trellis.database.broken-connections")
                - brokenBefore
                + queryRetries()
                - retriesBefore
                + failures.size();
        assertThat(waited || found > 0)
                .as("a request waited for the database or found its connection broken")
                .isTrue();
        // Every acknowledged write is there.
        Set<String> acknowledged = new HashSet<>();
        outcomes.stream()
                .filter(o -> o.kind().equals("write") && o.succeeded())
                .forEach(o -> acknowledged.add(o.name()));
        assertThat(acknowledged).isNotEmpty();
        assertThat(teamNames()).containsAll(acknowledged);
        assertThat(down).isLessThan(up);
    }

    @Test
    @Order(3)
    void whileTheDatabaseStaysUnreachableRequestsAnswerClassifiedUnavailableErrorsThenRecover() throws Exception {
        String newcomer = tenant.token("newcomer-" + UUID.randomUUID()); // not signed in yet: its sign-in needs SQL
        proxy.refuse();
        proxy.sever();
        try {
            CompletableFuture<Outcome> read = CompletableFuture.supplyAsync(() -> post(admin, READ));
            CompletableFuture<Outcome> write =
                    CompletableFuture.supplyAsync(() -> createTeam("Down " + UUID.randomUUID()));
            CompletableFuture<Outcome> signIn = CompletableFuture.supplyAsync(() -> post(newcomer, READ));
            // Signing in needs the database: while the sign-in cache is off (its listening connection broke too), every
            // request answers 503; a signed-in query or mutation that cannot get a connection answers 200 with the
            // error. Either way UNAVAILABLE, after the pool's 5 s wait, never a 500.
            for (Outcome outcome : List.of(read.get(), write.get(), signIn.get())) {
                assertThat(outcome.classification()).as(outcome.body()).isEqualTo("UNAVAILABLE");
                assertThat(outcome.status()).as(outcome.body()).isIn(200, 503);
                assertThat(outcome.millis()).isBetween(4_000L, 8_000L);
                assertThat(outcome.body()).doesNotContain("Exception", "SQL", "Hikari");
            }
            Outcome refused = signIn.get();
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.body()).doesNotContain("Exception", "SQL", "Hikari");
        } finally {
            proxy.accept();
        }
        awaitWithin(RECOVERY, () -> post(newcomer, READ).succeeded());
        assertThat(post(admin, READ).succeeded()).isTrue();
    }

    @Test
    @Order(4)
    void aStatementPastTheTimeoutAnswersATimeoutErrorAndTheServerKeepsServing() throws Exception {
        String name = "Slow " + UUID.randomUUID();
        String teamId = createTeam(name)
                .data()
                .path("createTeam")
                .path("team")
                .path("id")
                .asString();
        try (Connection lock = TestDatabase.INSTANCE.connectAsAdministrator()) {
            lockRow(lock, teamId);
            Outcome outcome = renameTeam(teamId, "Renamed " + UUID.randomUUID());
            lock.rollback();
            assertThat(outcome.classification()).as(outcome.body()).isEqualTo("TIMEOUT");
            assertThat(outcome.status()).isEqualTo(200);
            assertThat(outcome.body()).doesNotContain("SQL", "Exception", "statement_timeout");
            assertThat(outcome.millis())
                    .isBetween(STATEMENT_TIMEOUT.toMillis() - 100, STATEMENT_TIMEOUT.toMillis() + 3000);
        }
        Outcome after = post(admin, "query($id: ID!) { team(id: $id) { name } }", Map.of("id", teamId));
        assertThat(after.succeeded()).as(after.body()).isTrue();
        assertThat(after.data().path("team").path("name").asString()).isEqualTo(name);
    }

    @Test
    @Order(5)
    void shutdownLetsTheRequestInFlightFinishAndRefusesNewConnections() throws Exception {
        String teamId = createTeam("Closing " + UUID.randomUUID())
                .data()
                .path("createTeam")
                .path("team")
                .path("id")
                .asString();
        String renamed = "Finished " + UUID.randomUUID();
        try (Connection lock = TestDatabase.INSTANCE.connectAsAdministrator()) {
            lockRow(lock, teamId);
            CompletableFuture<Outcome> inFlight = CompletableFuture.supplyAsync(() -> renameTeam(teamId, renamed));
            awaitWaitingOnLock();
            CompletableFuture<Void> closing = CompletableFuture.runAsync(application::close);
            HttpClient fresh = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            // Earlier phases (live connections, listeners) stop first; then the server stops accepting.
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            boolean refused = false;
            while (!refused && System.nanoTime() < deadline) {
                try {
                    fresh.send(probe.request(admin, READ, Map.of()), HttpResponse.BodyHandlers.ofString());
                    Thread.sleep(100);
                } catch (IOException e) { // refused, or closed unanswered while the connector stops
                    refused = true;
                }
            }
            assertThat(refused)
                    .as("new connections are refused while shutting down")
                    .isTrue();
            assertThat(inFlight).as("the request in flight is still running").isNotDone();
            lock.rollback();
            Outcome outcome = inFlight.get();
            assertThat(outcome.succeeded()).as(outcome.body()).isTrue();
            assertThat(outcome.data()
                            .path("updateTeam")
                            .path("team")
                            .path("name")
                            .asString())
                    .isEqualTo(renamed);
            closing.get();
        }
        assertThat(application.isActive()).isFalse();
        assertThat(teamNames()).contains(renamed);
    }

    // --- the load ------------------------------------------------------------------------------------------------

    /** Readers and writers, each in a loop on its own virtual thread, until stopped. */
    record Load(List<Thread> threads, List<Outcome> outcomes, java.util.concurrent.atomic.AtomicBoolean running) {

        static Load start(ResilienceIntegrationTest test, int readers, int writers) {
            Load load = new Load(
                    new ArrayList<>(),
                    java.util.Collections.synchronizedList(new ArrayList<>()),
                    new java.util.concurrent.atomic.AtomicBoolean(true));
            for (int i = 0; i < readers + writers; i++) {
                boolean write = i >= readers;
                load.threads.add(Thread.ofVirtual().start(() -> {
                    while (load.running.get()) {
                        load.outcomes.add(
                                write ? test.createTeam("Load " + UUID.randomUUID()) : test.post(test.admin, READ));
                        pause(write ? 40 : 20);
                    }
                }));
            }
            return load;
        }

        boolean succeededAfter(long nanos, String kind) {
            synchronized (outcomes) {
                return outcomes.stream().anyMatch(o -> o.kind().equals(kind) && o.started() >= nanos && o.succeeded());
            }
        }

        long firstSuccessAfter(long nanos) {
            synchronized (outcomes) {
                return outcomes.stream()
                        .filter(o -> o.started() >= nanos && o.succeeded())
                        .mapToLong(Outcome::ended)
                        .min()
                        .orElseThrow();
            }
        }

        List<Outcome> stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(Duration.ofSeconds(20));
            }
            synchronized (outcomes) {
                return List.copyOf(outcomes);
            }
        }
    }

    private Outcome createTeam(String name) {
        return probe.createTeam(admin, name);
    }

    private Outcome renameTeam(String id, String name) {
        return post(
                admin,
                "mutation($id: ID!, $n: String) { updateTeam(input: {id: $id, name: $n}) { team { name } } }",
                Map.of("id", id, "n", name));
    }

    private Outcome post(String token, String query) {
        return probe.read(token, query);
    }

    private Outcome post(String token, String query, Map<String, Object> variables) {
        return probe.post(token, query, variables);
    }

    // --- the database, seen as its administrator ---------------------------------------------------------------

    private static void lockRow(Connection lock, String teamId) throws Exception {
        lock.setAutoCommit(false);
        try (PreparedStatement select = lock.prepareStatement("select 1 from team where id = ? for update")) {
            select.setObject(1, GlobalId.decode(teamId, "Team").orElseThrow());
            select.executeQuery().close();
        }
    }

    /** Waits until one of this database's sessions waits on a lock. */
    private static void awaitWaitingOnLock() throws Exception {
        awaitWithin(Duration.ofSeconds(5), () -> {
            try (Connection connection = TestDatabase.INSTANCE.connectAsAdministrator();
                    ResultSet waiting = connection
                            .createStatement()
                            .executeQuery("select count(*) from pg_stat_activity where datname = current_database()"
                                    + " and wait_event_type = 'Lock'")) {
                waiting.next();
                return waiting.getInt(1) > 0;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Set<String> teamNames() throws Exception {
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

    private double queryRetries() {
        return counter("trellis.graphql.query.retries");
    }

    private double counter(String name) {
        return application.getBean(MeterRegistry.class).counter(name).count();
    }

    private static void awaitWithin(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within " + limit).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
