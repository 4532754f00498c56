package org.trellis.api.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Warms a scenario up until the application's JIT compiler has settled, so that a measurement times compiled code
 * rather than the compiler: on 2 cores, C2 compiling a new code path competes with the requests for a core for tens
 * of seconds, which a fixed two-second warm-up hid on one run and not on the next. A round of load runs again while
 * the compiler spent more than {@value #SETTLED_PERCENT} % of the round's wall time compiling (the application's
 * {@code jvm_compilation_time_ms_total}, read from its Prometheus endpoint), between a minimum and a maximum number
 * of rounds. The wall time each scenario took to settle is kept for the report.
 */
final class WarmUp {

    interface Round {
        void run(Duration duration) throws Exception;
    }

    static final Duration ROUND = Duration.ofSeconds(2);
    static final int MIN_ROUNDS = 2;
    static final int MAX_ROUNDS = 30;
    static final int SETTLED_PERCENT = 5;

    private static final Pattern COMPILATION =
            Pattern.compile("(?m)^jvm_compilation_time_ms_total\\{[^}]*} ([0-9.eE+]+)$");

    private final GraphQlHttp api;
    private final List<Integer> seconds = new ArrayList<>();

    WarmUp(GraphQlHttp api) {
        this.api = api;
    }

    /** Runs rounds of {@code round} until the compiler settles or {@link #MAX_ROUNDS} ran. */
    void untilCompiled(Round round) throws Exception {
        int rounds = 0;
        boolean settled = false;
        while (rounds < MAX_ROUNDS && !(settled && rounds >= MIN_ROUNDS)) {
            double before = compilationMillis();
            round.run(ROUND);
            rounds++;
            double compiled = compilationMillis() - before;
            System.out.printf("benchmark: warm-up round %d: %.0f ms compiling%n", rounds, compiled);
            settled = compiled <= ROUND.toMillis() * SETTLED_PERCENT / 100.0;
        }
        seconds.add((int) (rounds * ROUND.toSeconds()));
    }

    /** The seconds each warm-up took, in order. */
    List<Integer> seconds() {
        return List.copyOf(seconds);
    }

    private double compilationMillis() {
        Matcher matcher = COMPILATION.matcher(api.send(api.get("/actuator/prometheus")));
        if (!matcher.find()) {
            throw new IllegalStateException("The application's metrics carry no jvm_compilation_time_ms_total");
        }
        return Double.parseDouble(matcher.group(1));
    }
}
