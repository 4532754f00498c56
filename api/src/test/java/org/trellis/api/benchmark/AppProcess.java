package org.trellis.api.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The application as production runs it: the repackaged jar in its own JVM, default profile, started with
 * {@code java -jar} and configured only through the environment variables and flags {@link #start} lists. Stopped
 * (gracefully, then forcibly) on close.
 */
final class AppProcess implements AutoCloseable {

    /**
     * The production image's heap and collector: the deployment's memory limit is 1536 MiB and the image sets
     * {@code -XX:MaxRAMPercentage=75}, which outside a container would size the heap from the whole machine instead,
     * and {@code -XX:+UseG1GC}.
     */
    static final List<String> JVM_FLAGS = List.of("-Xmx1152m", "-XX:+UseG1GC");

    private final Process process;
    private final String baseUrl;

    private AppProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** Starts {@code jar} on a free loopback port with {@code environment} added, and waits until it is ready. */
    static AppProcess start(Path jar, Map<String, String> environment, List<String> arguments, Path log)
            throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        // For profiling runs, e.g. -Dbenchmark.jvmFlags="-XX:StartFlightRecording=filename=target/app.jfr".
        String extra = System.getProperty("benchmark.jvmFlags", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        // Probes on the API port (production serves them on their own): the liveness floor stays comparable.
        command.add("--management.server.port=" + port);
        command.addAll(arguments);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("TRELLIS_"));
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().putAll(environment);
        AppProcess app = new AppProcess(builder.start(), "http://127.0.0.1:" + port);
        try {
            app.awaitReady(log);
        } catch (Exception e) {
            app.close();
            throw e;
        }
        return app;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** The runnable jar {@code mvn package} built in {@code target}, refusing one older than the compiled classes. */
    static Path builtJar(Path target) throws IOException {
        Path jar;
        try (Stream<Path> files = Files.list(target)) {
            jar = files.filter(f -> f.getFileName().toString().matches("trellis-api-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "No application jar in " + target + ": run the benchmark through `verify -Pbenchmark`"));
        }
        FileTime built = Files.getLastModifiedTime(jar);
        try (Stream<Path> classes = Files.walk(target.resolve("classes"))) {
            if (classes.anyMatch(c -> lastModified(c).compareTo(built) > 0)) {
                throw new IllegalStateException(jar + " is older than the compiled classes: rebuild it (`verify`)");
            }
        }
        return jar;
    }

    private void awaitReady(Path log) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application exited (" + process.exitValue() + "): " + tail(log));
            }
            try {
                if (client.send(readiness, HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The application was not ready within 180 s: " + tail(log));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
