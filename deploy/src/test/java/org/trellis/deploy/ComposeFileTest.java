package org.trellis.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/compose.yaml, checked without a Docker engine: pinned images, references that resolve, the owner password
 * kept to the migration step, and the Keycloak realms, the setup script, the GraphQL schema and the application's
 * settings agreeing with one another.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("compose.yaml");
    private static final Path SETUP = Path.of("compose", "setup-tenant.sh");
    static final Pattern PINNED = Pattern.compile("[a-z0-9./-]+:[A-Za-z0-9._-]+@sha256:[0-9a-f]{64}");

    private final Map<String, Object> compose = yaml(COMPOSE);
    private final Map<String, Map<String, Object>> services = map(compose.get("services"));

    @Test
    void pullsEveryImageByDigestAndBuildsOnlyTrellisFromTheseSources() {
        services.forEach((name, service) -> {
            if (service.containsKey("build")) {
                Map<String, Object> build = map(service.get("build"));
                assertThat(COMPOSE.toAbsolutePath()
                                .getParent()
                                .resolve(build.get("context").toString())
                                .resolve(build.get("dockerfile").toString()))
                        .as(name)
                        .exists();
                assertThat(name).isIn("migrate", "trellis");
            } else {
                assertThat(service.get("image").toString()).as(name).matches(PINNED);
            }
        });
    }

    /** Service attributes of the Compose Specification this file may use: a misspelt key is refused, not ignored. */
    private static final Set<String> SERVICE_ATTRIBUTES = Set.of(
            "build",
            "command",
            "depends_on",
            "entrypoint",
            "environment",
            "healthcheck",
            "image",
            "network_mode",
            "ports",
            "read_only",
            "restart",
            "tmpfs",
            "volumes");

    @Test
    void usesOnlyComposeAttributes() {
        assertThat(compose.keySet().stream().filter(k -> !k.startsWith("x-")))
                .containsExactlyInAnyOrder("name", "services", "volumes");
        services.forEach(
                (name, service) -> assertThat(SERVICE_ATTRIBUTES).as(name).containsAll(service.keySet()));
        services.values().stream()
                .filter(s -> s.containsKey("healthcheck"))
                .forEach(s -> assertThat(Set.of("test", "interval", "timeout", "retries", "start_period"))
                        .containsAll(map(s.get("healthcheck")).keySet()));
    }

    @Test
    void everyReferenceResolves() {
        Set<String> volumes = map(compose.get("volumes")).keySet();
        services.forEach((name, service) -> {
            if (service.get("depends_on") instanceof Map<?, ?> dependencies) {
                assertThat(services.keySet()).as(name).containsAll(strings(dependencies.keySet()));
            }
            if (service.get("network_mode") instanceof String mode) {
                assertThat(services).as(name).containsKey(mode.replaceFirst("^service:", ""));
            }
            for (Object mount : list(service.get("volumes"))) {
                String source = mount.toString().split(":")[0];
                if (source.startsWith(".")) {
                    assertThat(Path.of(source)).as(name + " mounts " + source).exists();
                } else {
                    assertThat(volumes).as(name + " mounts " + source).contains(source);
                }
            }
        });
    }

    @Test
    void onlyTheMigrationStepHoldsTheOwnerPassword() {
        Set<String> holders = services.entrySet().stream()
                .filter(e -> environment(e.getValue()).containsKey("TRELLIS_DB_OWNER_PASSWORD"))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());

        // postgres creates the role with it (compose/init-roles.sql).
        assertThat(holders).containsExactlyInAnyOrder("postgres", "migrate");
        assertThat(services.get("migrate").get("command")).isEqualTo(List.of("migrate"));
        assertThat(map(map(services.get("trellis").get("depends_on")).get("migrate")))
                .containsEntry("condition", "service_completed_successfully");
        assertThat(environment(services.get("trellis"))).containsKeys("TRELLIS_DB_USER", "TRELLIS_DB_PASSWORD");
    }

    @Test
    void trellisKeycloakAndTheSetupScriptAgreeOnIssuersAudiencesGroupsAndIds() throws IOException {
        String setup = Files.readString(SETUP);
        String keycloakCommand = services.get("keycloak").get("command").toString();
        Map<String, Object> trellis = environment(services.get("trellis"));
        Map<String, Object> demo = yaml(Path.of("compose", "keycloak", "demo-realm.json"));
        Map<String, Object> platform = yaml(Path.of("compose", "keycloak", "trellis-platform-realm.json"));

        assertThat(keycloakCommand).contains("--hostname=http://localhost:8180", "--http-port=8180", "--import-realm");
        assertThat(setup).contains("KC=http://localhost:8180", "DEMO_ISSUER=\"$KC/realms/" + demo.get("realm") + "\"");
        assertThat(trellis)
                .containsEntry("TRELLIS_PLATFORM_ISSUER", "http://localhost:8180/realms/" + platform.get("realm"))
                .containsEntry("TRELLIS_PLATFORM_AUDIENCE", audience(platform, "trellis-setup"));
        assertThat(setup).contains("\"audience\":\"" + audience(demo, "trellis-demo") + "\"");
        assertThat(audience(demo, "trellis-automation")).isEqualTo(audience(demo, "trellis-demo"));

        Set<String> groups = list(demo.get("groups")).stream()
                .map(g -> map(g).get("name").toString())
                .collect(Collectors.toSet());
        assertThat(matches(setup, "\"claimValue\":\"([^\"]+)\""))
                .isNotEmpty()
                .allSatisfy(g -> assertThat(groups).contains(g));
        List<Map<String, Object>> users =
                list(demo.get("users")).stream().map(ComposeFileTest::map).toList();
        assertThat(users.stream().filter(u -> !u.containsKey("serviceAccountClientId")))
                .hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(u -> assertThat(u).containsKeys("email", "groups", "credentials"));
        assertThat(setup)
                .contains("AUTOMATION_SUBJECT=" + serviceAccount(users, "trellis-automation"))
                .contains("AUTOMATION_CLIENT_UUID="
                        + client(demo, "trellis-automation").get("id"));
        assertThat(environment(services.get("keycloak")))
                .containsKeys("TRELLIS_SETUP_CLIENT_SECRET", "TRELLIS_AUTOMATION_CLIENT_SECRET")
                .containsEntry(
                        "TRELLIS_SETUP_CLIENT_SECRET",
                        environment(services.get("setup")).get("TRELLIS_SETUP_CLIENT_SECRET"));
    }

    @Test
    void setupScriptCallsMutationsAndRolesTheSchemaHas() throws IOException {
        String setup = Files.readString(SETUP);
        String schema;
        try (Stream<Path> files = Files.list(Path.of("..", "graphql", "src", "main", "resources", "graphql"))) {
            schema = files.filter(f -> f.toString().endsWith(".graphqls"))
                    .map(ComposeFileTest::read)
                    .collect(Collectors.joining("\n"));
        }

        List<String> mutations = matches(setup, "mutation\\(\\$i: (\\w+)!\\) \\{ (\\w+)\\(input: \\$i\\)");
        assertThat(mutations).hasSize(6);
        for (int i = 0; i < mutations.size(); i += 2) {
            assertThat(schema).contains("input " + mutations.get(i) + " {");
            assertThat(schema).containsPattern("\\n\\s+" + mutations.get(i + 1) + "\\(");
        }
        assertThat(matches(setup, "\"role\":\"(\\w+)\""))
                .allSatisfy(role -> assertThat(schema).containsPattern("enum Role \\{[^}]*\\b" + role + "\\b"));
    }

    @Test
    void everyTrellisVariableIsDocumented() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Set<String> variables = services.values().stream()
                .flatMap(s -> environment(s).keySet().stream())
                .filter(name -> name.startsWith("TRELLIS_"))
                .collect(Collectors.toSet());

        assertThat(variables).isNotEmpty().allSatisfy(name -> assertThat(readme).contains("`" + name + "`"));
    }

    private static String audience(Map<String, Object> realm, String clientId) {
        return list(client(realm, clientId).get("protocolMappers")).stream()
                .map(ComposeFileTest::map)
                .filter(m -> "oidc-audience-mapper".equals(m.get("protocolMapper")))
                .map(m -> map(m.get("config")).get("included.custom.audience").toString())
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, Object> client(Map<String, Object> realm, String clientId) {
        return list(realm.get("clients")).stream()
                .map(ComposeFileTest::map)
                .filter(c -> clientId.equals(c.get("clientId")))
                .findFirst()
                .orElseThrow();
    }

    private static Object serviceAccount(List<Map<String, Object>> users, String clientId) {
        return users.stream()
                .filter(u -> clientId.equals(u.get("serviceAccountClientId")))
                .findFirst()
                .orElseThrow()
                .get("id");
    }

    private static Map<String, Object> environment(Map<String, Object> service) {
        return service.get("environment") == null ? Map.of() : map(service.get("environment"));
    }

    private static List<String> matches(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (matcher.find()) {
            for (int group = 1; group <= matcher.groupCount(); group++) {
                found.add(matcher.group(group));
            }
        }
        return found;
    }

    static Map<String, Object> yaml(Path file) {
        return map(new Yaml().load(read(file)));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static <V> Map<String, V> map(Object value) {
        return (Map<String, V>) value;
    }

    private static List<?> list(Object value) {
        return value == null ? List.of() : (List<?>) value;
    }

    private static Set<String> strings(Set<?> values) {
        return values.stream().map(Object::toString).collect(Collectors.toSet());
    }
}
