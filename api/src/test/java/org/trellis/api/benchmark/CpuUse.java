package org.trellis.api.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used so far by the application under test, by PostgreSQL and by this JVM (the load generator), read from
 * Linux's {@code /proc}: a
 * measurement reports the difference per request. CPU per request moves far less with the machine's other load than
 * throughput does (that load takes the cores, not this work's share of them), so two commits can be compared across
 * runs. The application is the JVM running the benchmark's jar ({@link AppProcess}); PostgreSQL is every process named
 * {@code postgres}, with the children it has reaped (backends and autovacuum workers that ended); the load generator
 * is this JVM, whose CPU the machine's two cores also give. All zero where {@code /proc} is missing.
 */
record CpuUse(long applicationNanos, long databaseNanos, long loadGeneratorNanos) {

    /** The kernel's clock tick for process times ({@code USER_HZ}): 100 on every Linux architecture Java runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private static final String APPLICATION_JAR = "trellis-api-";

    static CpuUse now() {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return new CpuUse(0, 0, 0);
        }
        long application = 0;
        long database = 0;
        long self = ProcessHandle.current().pid();
        long loadGenerator = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc, CpuUse::isProcess)) {
            for (Path process : processes) {
                long[] ticks = ticks(process);
                if (ticks.length == 0) {
                    continue;
                }
                if (process.getFileName().toString().equals(Long.toString(self))) {
                    loadGenerator += ticks[1] + ticks[2];
                } else if (ticks[0] == 1) {
                    database += ticks[1] + ticks[2] + ticks[3] + ticks[4];
                } else if (isApplication(process)) {
                    application += ticks[1] + ticks[2];
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CpuUse(application * NANOS_PER_TICK, database * NANOS_PER_TICK, loadGenerator * NANOS_PER_TICK);
    }

    /** What was used between {@code earlier} and this reading. */
    CpuUse since(CpuUse earlier) {
        return new CpuUse(
                applicationNanos - earlier.applicationNanos,
                databaseNanos - earlier.databaseNanos,
                loadGeneratorNanos - earlier.loadGeneratorNanos);
    }

    CpuUse plus(CpuUse other) {
        return new CpuUse(
                applicationNanos + other.applicationNanos,
                databaseNanos + other.databaseNanos,
                loadGeneratorNanos + other.loadGeneratorNanos);
    }

    private static boolean isProcess(Path path) {
        return path.getFileName().toString().chars().allMatch(Character::isDigit);
    }

    /**
     * {@code [is postgres (1 or 0), utime, stime, cutime, cstime]} from {@code /proc/<pid>/stat}, or empty for a process
     * that ended meanwhile. The command name, in parentheses, may hold spaces: fields are counted after its last ')'.
     */
    private static long[] ticks(Path process) {
        String stat;
        try {
            stat = Files.readString(process.resolve("stat"), StandardCharsets.UTF_8);
        } catch (IOException e) { // ended meanwhile ("No such process" is a plain IOException), or not ours to read
            return new long[0];
        }
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        String name = stat.substring(open + 1, close);
        // After ')': state(3) ppid(4) ... utime(14) stime(15) cutime(16) cstime(17), counted from 1 at pid.
        String[] fields = stat.substring(close + 2).split(" ");
        return new long[] {
            name.equals("postgres") ? 1 : 0,
            Long.parseLong(fields[11]),
            Long.parseLong(fields[12]),
            Long.parseLong(fields[13]),
            Long.parseLong(fields[14])
        };
    }

    /** A JVM started with {@code -jar} and the application's jar (a file named {@code trellis-api-….jar}). */
    private static boolean isApplication(Path process) {
        String[] command;
        try {
            command = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8).split("\0");
        } catch (IOException e) {
            return false;
        }
        for (int i = 0; i + 1 < command.length; i++) {
            if (command[i].equals("-jar")) {
                String jar = Path.of(command[i + 1]).getFileName().toString();
                return jar.startsWith(APPLICATION_JAR) && jar.endsWith(".jar");
            }
        }
        return false;
    }
}
