package org.trellis.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** deploy/Dockerfile, read as text (no Docker engine here): pinned bases, an unprivileged JRE stage, layered jar. */
class DockerfileTest {

    private final List<String> lines = read(Path.of("Dockerfile")).lines().toList();
    private final List<String> froms =
            lines.stream().filter(l -> l.startsWith("FROM ")).toList();
    private final List<String> runtime = lines.subList(lines.indexOf(froms.getLast()), lines.size());

    @Test
    void pinsEveryBaseImageByDigest() {
        assertThat(froms)
                .hasSize(2)
                .allSatisfy(from -> assertThat(from.split("\\s+")[1]).matches(ComposeFileTest.PINNED));
        assertThat(froms.getFirst()).contains("eclipse-temurin:25-jdk@").endsWith(" AS build");
    }

    @Test
    void runsTheJreAsAnUnprivilegedUser() {
        assertThat(froms.getLast()).contains("eclipse-temurin:25-jre@");
        List<String> users = runtime.stream().filter(l -> l.startsWith("USER ")).toList();
        assertThat(users).hasSize(1);
        String user = users.getFirst().substring("USER ".length()).split(":")[0];
        assertThat(user).matches("[1-9][0-9]{3,}");
        assertThat(runtime).contains("ENTRYPOINT [\"java\", \"-jar\", \"/app/trellis.jar\"]");
    }

    @Test
    void copiesTheSpringBootLayersLeastChangedFirst() {
        List<String> layers = runtime.stream()
                .map(Pattern.compile("^COPY --from=build /layers/([a-z-]+)/ \\./$")::matcher)
                .filter(Matcher::matches)
                .map(m -> m.group(1))
                .toList();

        assertThat(layers)
                .containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
        assertThat(String.join("\n", lines))
                .contains("cp api/target/trellis-api-*.jar /trellis.jar")
                .contains("java -Djarmode=tools -jar /trellis.jar extract --layers --destination /layers");
    }

    @Test
    void sendsAndCopiesEveryModuleTheBuildReads() {
        String pom = read(Path.of("..", "pom.xml"));
        String ignore = read(Path.of("Dockerfile.dockerignore"));
        List<String> modules = Pattern.compile("<module>([^<]+)</module>")
                .matcher(pom)
                .results()
                .map(m -> m.group(1))
                .toList();

        assertThat(modules).contains("api", "deploy");
        for (String module : modules) {
            if (module.equals("deploy")) {
                assertThat(lines).contains("COPY deploy/pom.xml deploy/pom.xml");
                assertThat(ignore).contains("\n!deploy/pom.xml\n");
            } else {
                assertThat(lines).contains("COPY " + module + " " + module);
                assertThat(ignore).contains("\n!" + module + "/\n");
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
