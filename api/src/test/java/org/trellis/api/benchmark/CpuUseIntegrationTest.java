package org.trellis.api.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class CpuUseIntegrationTest {

    @Test
    void aStatementsWorkInPostgresIsCountedAsTheDatabasesAndNotTheApplications() throws Exception {
        // Only where the test database runs on this machine, as the benchmark's does (CI's, and the README's setup).
        assumeTrue(CpuUse.now().databaseNanos() > 0, "no PostgreSQL process on this machine");
        try (Connection connection = ReadinessSeed.runtimeConnection();
                Statement statement = connection.createStatement()) {
            CpuUse before = CpuUse.now();
            long started = System.nanoTime();
            try (ResultSet sum =
                    statement.executeQuery("select count(*) from generate_series(1, 3000000) i where i % 7 = 3")) {
                assertThat(sum.next()).isTrue();
            }
            long elapsed = System.nanoTime() - started;
            CpuUse used = CpuUse.now().since(before);

            // The backend was busy for much of the statement's time (a busy machine takes some), read in 10-ms ticks.
            assertThat(elapsed).isGreaterThan(100_000_000L);
            assertThat(used.databaseNanos()).isBetween(elapsed / 10, elapsed + 200_000_000L);
            assertThat(used.applicationNanos()).isZero(); // no application jar runs in this test
        }
    }

    @Test
    void workInThisJvmIsCountedAsTheLoadGenerators() {
        assumeTrue(Files.isDirectory(Path.of("/proc")), "no /proc on this machine");
        CpuUse before = CpuUse.now();
        long started = System.nanoTime();
        long spins = 0;
        while (System.nanoTime() - started < 300_000_000L) {
            spins++;
        }
        CpuUse used = CpuUse.now().since(before);

        assertThat(spins).isPositive();
        // This thread was busy for most of the 300 ms (a busy machine takes some), read in 10-ms ticks.
        assertThat(used.loadGeneratorNanos()).isBetween(30_000_000L, 600_000_000L);
    }
}
