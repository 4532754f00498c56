package org.trellis.api.frameworks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.trellis.api.shared.InvalidInputException;
import org.trellis.graphql.UserError;
import org.trellis.graphql.UserError.Code;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Imports from formats other than Trellis YAML, converted into a {@link FrameworkDocument} (and validated as
 * one): the YAML front matter of public progression frameworks (Monzo's {@code topics}), and a CSV of level,
 * competency and expectation. Imported expectations get a default readiness rule, to be tuned in a draft.
 */
final class ForeignFormats {

    static final Expectation.Rule DEFAULT_RULE = new Expectation.Rule(1, 12, 1, true);
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    /** Without a schema, each record is read as an array of strings. */
    private static final CsvMapper CSV = CsvMapper.builder().build();

    private ForeignFormats() {}

    /** A progression-framework page: YAML front matter with title, levels and topics of per-level criteria. */
    static FrameworkDocument fromFrontMatter(String text, @Nullable String name) {
        String yaml = text.strip();
        if (yaml.startsWith("---")) {
            int end = yaml.indexOf("\n---", 3);
            yaml = end < 0 ? yaml.substring(3) : yaml.substring(3, end);
        }
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            String where =
                    e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw invalid("Not valid YAML front matter" + where + ".", "content");
        }
        if (root == null
                || !root.isObject()
                || !root.path("topics").isArray()
                || root.path("topics").isEmpty()) {
            throw invalid("Expected front matter with a list of topics.", "topics");
        }
        int levels =
                root.path("levels").isIntegralNumber() ? root.path("levels").asInt() : 0;
        if (levels < 1 || levels > 20) {
            throw invalid("levels must be a whole number from 1 to 20.", "levels");
        }
        List<FrameworkDocument.LevelDoc> levelDocs = new ArrayList<>();
        for (int level = 1; level <= levels; level++) {
            levelDocs.add(new FrameworkDocument.LevelDoc("L" + level, "Level " + level, null));
        }
        List<FrameworkDocument.CompetencyDoc> competencies = new ArrayList<>();
        JsonNode topics = root.path("topics");
        for (int i = 0; i < topics.size(); i++) {
            JsonNode topic = topics.get(i);
            String topicName = topic.path("name").asString("").strip();
            if (topicName.isEmpty()) {
                throw invalid("Each topic needs a name.", "topics[" + i + "].name");
            }
            List<FrameworkDocument.ExpectationDoc> expectations = new ArrayList<>();
            JsonNode content = topic.path("content");
            for (int j = 0; j < content.size(); j++) {
                JsonNode entry = content.get(j);
                int level = entry.path("level").asInt(0);
                if (level < 1 || level > levels) {
                    throw invalid(
                            "Unknown level " + entry.path("level").asString("?") + ".",
                            "topics[" + i + "].content[" + j + "].level");
                }
                List<String> criteria = new ArrayList<>();
                entry.path("criteria").forEach(c -> criteria.add(c.asString()));
                List<String> examples = new ArrayList<>();
                entry.path("exampleCriteria").forEach(example -> {
                    criteria.add(example.path("criteria").asString(""));
                    example.path("examples").forEach(e -> examples.add(e.asString()));
                });
                String description = String.join(
                        "\n", criteria.stream().filter(c -> !c.isBlank()).toList());
                expectations.add(new FrameworkDocument.ExpectationDoc(
                        "L" + level, description.isBlank() ? "(no criteria)" : description, examples, DEFAULT_RULE));
            }
            String title = topic.path("title").asString(topicName);
            competencies.add(
                    new FrameworkDocument.CompetencyDoc(key(topicName), topicName, topicName, title, expectations));
        }
        String frameworkName =
                name != null ? name : root.path("title").asString("").strip();
        return FrameworkDocument.parse(
                new FrameworkDocument(frameworkName, null, null, levelDocs, competencies).write());
    }

    /** A CSV with a header {@code level,competency,expectation}; levels keep the order they first appear in. */
    static FrameworkDocument fromCsv(String csv, @Nullable String name) {
        if (name == null || name.isBlank()) {
            throw invalid("A CSV import needs a framework name.", "name");
        }
        List<CsvRow> rows = parseCsv(csv);
        if (rows.isEmpty()
                || !rows.getFirst().cells().stream()
                        .map(c -> c.strip().toLowerCase(Locale.ROOT))
                        .toList()
                        .equals(List.of("level", "competency", "expectation"))) {
            throw invalid("Line 1 must be the header level,competency,expectation.", "content");
        }
        Map<String, FrameworkDocument.LevelDoc> levels = new LinkedHashMap<>();
        Map<String, String> competencyNames = new LinkedHashMap<>();
        Map<String, List<FrameworkDocument.ExpectationDoc>> expectations = new LinkedHashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i).cells();
            int line = rows.get(i).line();
            if (row.size() == 1 && row.getFirst().isBlank()) {
                continue;
            }
            if (row.size() != 3 || row.stream().anyMatch(String::isBlank)) {
                throw invalid("Line " + line + ": expected a level, a competency and an expectation.", "content");
            }
            String level = row.get(0).strip();
            String competency = row.get(1).strip();
            String key = key(competency);
            levels.putIfAbsent(level, new FrameworkDocument.LevelDoc(level, level, null));
            competencyNames.putIfAbsent(key, competency);
            List<FrameworkDocument.ExpectationDoc> list = expectations.computeIfAbsent(key, k -> new ArrayList<>());
            if (list.stream().anyMatch(e -> e.level().equals(level))) {
                throw invalid(
                        "Line " + line + ": a second expectation for " + competency + " at " + level + ".", "content");
            }
            list.add(new FrameworkDocument.ExpectationDoc(level, row.get(2).strip(), List.of(), DEFAULT_RULE));
        }
        List<FrameworkDocument.CompetencyDoc> competencies = new ArrayList<>();
        competencyNames.forEach((key, competency) -> competencies.add(
                new FrameworkDocument.CompetencyDoc(key, "General", competency, competency, expectations.get(key))));
        return FrameworkDocument.parse(
                new FrameworkDocument(name.strip(), null, null, List.copyOf(levels.values()), competencies).write());
    }

    /**
     * RFC 4180 through Jackson's CSV module: comma-separated, double quotes around fields that hold commas, quotes or
     * line breaks. Each row keeps the line it starts on (a quoted field may span lines); a quote that is never closed
     * or text after a closing quote is refused with its line.
     */
    static List<CsvRow> parseCsv(String text) {
        List<CsvRow> rows = new ArrayList<>();
        int line = 1;
        try (JsonParser parser = CSV.createParser(text)) {
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                line = rows.isEmpty() ? 1 : rows.getLast().line() + 1;
                List<String> cells = new ArrayList<>();
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    if (cells.isEmpty()) {
                        line = parser.currentTokenLocation().getLineNr(); // where the record's first field starts
                    }
                    cells.add(parser.getString());
                }
                rows.add(new CsvRow(line, cells));
            }
        } catch (JacksonException malformed) {
            // The record being read when it failed: where an unclosed quote opened, not the end of the text.
            throw invalid("Line " + line + ": not valid CSV (" + malformed.getOriginalMessage() + ").", "content");
        }
        return rows;
    }

    /** One CSV record and the line it starts on. */
    record CsvRow(int line, List<String> cells) {}

    static String key(String name) {
        String key = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (key.isEmpty()) {
            key = "competency";
        }
        return key.length() > 63 ? key.substring(0, 63).replaceAll("-+$", "") : key;
    }

    private static InvalidInputException invalid(String message, String field) {
        return InvalidInputException.of(new UserError(List.of("input", field), message, Code.INVALID));
    }
}
