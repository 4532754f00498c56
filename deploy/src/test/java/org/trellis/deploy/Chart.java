package org.trellis.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/helm/trellis, linted and rendered by the helm library that helm-java bundles (no helm binary, no cluster).
 * helm-java's template answers only the release manifest, without the hooks that {@code helm template} also prints, so
 * {@link #render} renders a copy of the chart whose hook annotations are renamed to {@link #HOOK}: the hooks become
 * ordinary manifests and their annotations can still be checked.
 */
final class Chart {

    /** What {@code helm.sh/hook} (and {@code -weight}, {@code -delete-policy}) is called in {@link #render}'s output. */
    static final String HOOK = "test.trellis/hook";

    static final Path DIRECTORY = Path.of("helm", "trellis");

    /** The cluster version rendering assumes (the chart needs 1.25 or newer). */
    static final String KUBERNETES_VERSION = "1.33.0";

    /** Values a real installation sets; the tests start from them. */
    static final Map<String, Object> INSTALLATION = Map.of(
            "image.repository", "registry.example.com/trellis",
            "image.digest", "sha256:" + "a".repeat(64),
            "ingress.className", "nginx");

    private Chart() {}

    static LintResult lint() {
        return new Helm(DIRECTORY).lint().strict().call();
    }

    /** {@code helm template trellis} with these {@code --set} values on top of {@link #INSTALLATION}. */
    static Rendered render(Map<String, Object> values) {
        return render(HOOKS_VISIBLE, values);
    }

    /** The release manifest alone, as helm-java renders it: hooks are left out. */
    static Rendered renderWithoutHooks(Map<String, Object> values) {
        return render(DIRECTORY, values);
    }

    private static final Path HOOKS_VISIBLE = copyWithHooksRenamed();

    private static Path copyWithHooksRenamed() {
        try {
            Path copy = Files.createTempDirectory("trellis-chart");
            try (Stream<Path> files = Files.walk(DIRECTORY)) {
                for (Path file : files.toList()) {
                    Path target = copy.resolve(DIRECTORY.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.writeString(target, Files.readString(file).replace("helm.sh/hook", HOOK));
                    }
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Rendered render(Path chart, Map<String, Object> values) {
        var template = new Helm(chart)
                .template()
                .withName("trellis")
                .withNamespace("trellis")
                .withKubeVersion(KUBERNETES_VERSION);
        INSTALLATION.forEach(template::set);
        values.forEach(template::set);
        return new Rendered(template.call());
    }

    /** The rendered documents, as YAML maps and as API objects. */
    record Rendered(String yaml, List<Map<String, Object>> manifests) {

        Rendered(String yaml) {
            this(yaml, parse(yaml));
        }

        @SuppressWarnings("unchecked")
        private static List<Map<String, Object>> parse(String yaml) {
            return StreamSupport.stream(new Yaml().loadAll(yaml).spliterator(), false)
                    .filter(Objects::nonNull)
                    .map(document -> (Map<String, Object>) document)
                    .toList();
        }

        List<HasMetadata> objects() {
            List<HasMetadata> objects = new ArrayList<>();
            manifests.stream()
                    .filter(KubernetesModel::knows)
                    .map(KubernetesModel::read)
                    .forEach(objects::add);
            return objects;
        }

        <T extends HasMetadata> List<T> all(Class<T> type) {
            return objects().stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends HasMetadata> T one(Class<T> type) {
            List<T> found = all(type);
            if (found.size() != 1) {
                throw new AssertionError("Expected one " + type.getSimpleName() + ", found " + found.size());
            }
            return found.getFirst();
        }

        List<Map<String, Object>> ofKind(String kind) {
            return manifests.stream().filter(m -> kind.equals(m.get("kind"))).toList();
        }
    }
}
