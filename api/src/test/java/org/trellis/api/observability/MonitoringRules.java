package org.trellis.api.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The shipped alert rules and dashboard, read as an operator's Prometheus and Grafana read them. */
final class MonitoringRules {

    static final Path ALERTS = Path.of("..", "deploy", "helm", "trellis", "files", "prometheus-rules.yaml");
    static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "trellis-dashboard.json");

    /** Series Prometheus itself and kube-state-metrics provide. */
    static final Set<String> FROM_PROMETHEUS_AND_KUBERNETES =
            Set.of("up", "kube_deployment_status_replicas_available", "kube_deployment_spec_replicas");

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset");
    private static final Pattern IDENTIFIER = Pattern.compile("\\b[a-zA-Z_:][a-zA-Z0-9_:]*\\b(?!\\s*\\()");

    private MonitoringRules() {}

    static JsonNode alerts() {
        return YAMLMapper.builder().build().readTree(read(ALERTS));
    }

    static JsonNode dashboard() {
        return JsonMapper.builder().build().readTree(read(DASHBOARD));
    }

    /** Every PromQL expression of the alerts and the dashboard's panels. */
    static List<String> expressions() {
        List<String> expressions = new ArrayList<>();
        alerts().get("groups")
                .forEach(group -> group.get("rules")
                        .forEach(rule -> expressions.add(rule.get("expr").asString())));
        dashboard()
                .get("panels")
                .forEach(panel -> panel.get("targets")
                        .forEach(target -> expressions.add(target.get("expr").asString())));
        return expressions;
    }

    /** The metric names an expression reads: identifiers outside label matchers, groupings and function calls. */
    static Set<String> metricNames(String expression) {
        String bare = expression
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher matcher = IDENTIFIER.matcher(bare);
        while (matcher.find()) {
            if (!KEYWORDS.contains(matcher.group())) {
                names.add(matcher.group());
            }
        }
        return names;
    }

    static Set<String> allMetricNames() {
        Set<String> names = new TreeSet<>();
        expressions().forEach(expression -> names.addAll(metricNames(expression)));
        return names;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
