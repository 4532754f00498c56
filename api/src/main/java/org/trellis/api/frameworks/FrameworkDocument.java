package org.trellis.api.frameworks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.trellis.api.shared.InvalidInputException;
import org.trellis.graphql.UserError;
import org.trellis.graphql.UserError.Code;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A whole framework version as YAML (README "Framework YAML"): the import and export format, exact on round trip.
 * Parsing validates everything first and names the offending field, so an import is all-or-nothing.
 */
record FrameworkDocument(
        String name,
        @Nullable String description,
        @Nullable String guidance,
        List<LevelDoc> levels,
        List<CompetencyDoc> competencies) {

    static final int MAX_BYTES = 256 * 1024;
    /** The {@code @listSize} of {@code FrameworkVersion.levels} and {@code .competencies} in frameworks.graphqls. */
    static final int MAX_LEVELS = 20;

    static final int MAX_COMPETENCIES = 100;
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    record LevelDoc(String code, String title, @Nullable String jobLevel) {}

    record CompetencyDoc(
            String key, String theme, String name, String description, List<ExpectationDoc> expectations) {}

    record ExpectationDoc(String level, String description, List<String> examples, Expectation.Rule rule) {}

    static FrameworkDocument parse(String yaml) {
        if (yaml.length() > MAX_BYTES) {
            throw invalid("The document is larger than " + MAX_BYTES / 1024 + " KiB.", "input", "content");
        }
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            String where =
                    e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw invalid("Not valid YAML" + where + ".", "input", "content");
        }
        if (root == null || !root.isObject()) {
            throw invalid("The document must be a mapping with framework and version.", "input", "content");
        }
        DocumentErrors errors = new DocumentErrors();
        JsonNode framework = root.path("framework");
        JsonNode version = root.path("version");
        String name = errors.text(framework, "name", 200, "framework.name");
        String description = errors.optional(framework, "description", 5000, "framework.description");
        String guidance = errors.optional(version, "guidance", 20000, "version.guidance");
        List<LevelDoc> levels = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        JsonNode levelNodes = version.path("levels");
        if (!levelNodes.isArray() || levelNodes.isEmpty()) {
            errors.add("version.levels", "At least one level is required.");
        } else if (levelNodes.size() > MAX_LEVELS) {
            errors.add("version.levels", "At most " + MAX_LEVELS + " levels.");
        }
        for (int i = 0; i < levelNodes.size(); i++) {
            String at = "version.levels[" + i + "]";
            JsonNode level = levelNodes.get(i);
            String code = errors.text(level, "code", 20, at + ".code");
            if (code != null && !code.matches("[A-Za-z0-9._-]{1,20}")) {
                errors.add(at + ".code", "Letters, digits, dot, dash and underscore only.");
            } else if (code != null && !codes.add(code)) {
                errors.add(at + ".code", "Duplicate level " + code + ".");
            }
            levels.add(new LevelDoc(
                    code,
                    errors.text(level, "title", 200, at + ".title"),
                    errors.optional(level, "jobLevel", 50, at + ".jobLevel")));
        }
        List<CompetencyDoc> competencies = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        JsonNode competencyNodes = version.path("competencies");
        if (!competencyNodes.isArray() || competencyNodes.isEmpty()) {
            errors.add("version.competencies", "At least one competency is required.");
        } else if (competencyNodes.size() > MAX_COMPETENCIES) {
            errors.add("version.competencies", "At most " + MAX_COMPETENCIES + " competencies.");
        }
        for (int i = 0; i < competencyNodes.size(); i++) {
            String at = "version.competencies[" + i + "]";
            JsonNode competency = competencyNodes.get(i);
            String key = errors.text(competency, "key", 63, at + ".key");
            if (key != null && !key.matches("[a-z0-9][a-z0-9-]{0,62}")) {
                errors.add(at + ".key", "Lower-case letters, digits and dashes only.");
            } else if (key != null && !keys.add(key)) {
                errors.add(at + ".key", "Duplicate competency " + key + ".");
            }
            List<ExpectationDoc> expectations = new ArrayList<>();
            Set<String> covered = new HashSet<>();
            JsonNode expectationNodes = competency.path("expectations");
            for (int j = 0; j < expectationNodes.size(); j++) {
                String where = at + ".expectations[" + j + "]";
                JsonNode expectation = expectationNodes.get(j);
                String level = errors.text(expectation, "level", 20, where + ".level");
                if (level != null && !codes.contains(level)) {
                    errors.add(where + ".level", "Unknown level " + level + ".");
                } else if (level != null && !covered.add(level)) {
                    errors.add(where + ".level", "Duplicate expectation for " + level + ".");
                }
                if (expectation.path("examples").size() > 20) {
                    errors.add(where + ".examples", "At most 20 examples.");
                }
                List<String> examples = new ArrayList<>();
                JsonNode exampleNodes = expectation.path("examples");
                if (exampleNodes.size() > 20) {
                    errors.add(where + ".examples", "At most 20 examples.");
                }
                for (int k = 0; k < exampleNodes.size() && k < 20; k++) {
                    String example = exampleNodes.get(k).isString()
                            ? errors.bounded(exampleNodes.get(k).asString(), 1000, where + ".examples[" + k + "]")
                            : null;
                    if (example != null) {
                        examples.add(example);
                    } else if (!exampleNodes.get(k).isString()) {
                        errors.add(where + ".examples[" + k + "]", "Must be text.");
                    }
                }
                JsonNode rule = expectation.path("rule");
                expectations.add(new ExpectationDoc(
                        level,
                        errors.text(expectation, "description", 5000, where + ".description"),
                        examples,
                        new Expectation.Rule(
                                errors.number(rule, "minEndorsedEvidence", 0, 100, where + ".rule.minEndorsedEvidence"),
                                errors.number(rule, "recencyMonths", 1, 120, where + ".rule.recencyMonths"),
                                errors.number(rule, "minDistinctKinds", 0, 10, where + ".rule.minDistinctKinds"),
                                errors.bool(rule, "required", where + ".rule.required"))));
            }
            competencies.add(new CompetencyDoc(
                    key,
                    errors.text(competency, "theme", 100, at + ".theme"),
                    errors.text(competency, "name", 200, at + ".name"),
                    errors.text(competency, "description", 5000, at + ".description"),
                    expectations));
        }
        errors.throwIfAny();
        return new FrameworkDocument(name, description, guidance, levels, competencies);
    }

    /** The canonical YAML text: the same version always exports to the same bytes. */
    String write() {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> framework = new LinkedHashMap<>();
        framework.put("name", name);
        if (description != null) {
            framework.put("description", description);
        }
        root.put("framework", framework);
        Map<String, Object> version = new LinkedHashMap<>();
        if (guidance != null) {
            version.put("guidance", guidance);
        }
        version.put(
                "levels",
                levels.stream()
                        .map(level -> {
                            Map<String, Object> node = new LinkedHashMap<>();
                            node.put("code", level.code());
                            node.put("title", level.title());
                            if (level.jobLevel() != null) {
                                node.put("jobLevel", level.jobLevel());
                            }
                            return node;
                        })
                        .toList());
        version.put(
                "competencies",
                competencies.stream()
                        .map(competency -> {
                            Map<String, Object> node = new LinkedHashMap<>();
                            node.put("key", competency.key());
                            node.put("theme", competency.theme());
                            node.put("name", competency.name());
                            node.put("description", competency.description());
                            node.put(
                                    "expectations",
                                    competency.expectations().stream()
                                            .map(expectation -> {
                                                Map<String, Object> e = new LinkedHashMap<>();
                                                e.put("level", expectation.level());
                                                e.put("description", expectation.description());
                                                e.put("examples", expectation.examples());
                                                Map<String, Object> rule = new LinkedHashMap<>();
                                                rule.put(
                                                        "minEndorsedEvidence",
                                                        expectation.rule().minEndorsedEvidence());
                                                rule.put(
                                                        "recencyMonths",
                                                        expectation.rule().recencyMonths());
                                                rule.put(
                                                        "minDistinctKinds",
                                                        expectation.rule().minDistinctKinds());
                                                rule.put(
                                                        "required",
                                                        expectation.rule().required());
                                                e.put("rule", rule);
                                                return e;
                                            })
                                            .toList());
                            return node;
                        })
                        .toList());
        root.put("version", version);
        return YAML.writeValueAsString(root);
    }

    private static InvalidInputException invalid(String message, String... field) {
        return InvalidInputException.of(new UserError(List.of(field), message, Code.INVALID));
    }
}
