package org.trellis.api.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The readable half of an export: one heading per section, one sub-heading per row, short values as a list and
 * long or multi-line text (descriptions, notes) as paragraphs under their label. Every value is escaped.
 */
final class ExportMarkdown {

    /** Text longer than this, or with line breaks, gets its own paragraph. */
    private static final int INLINE_MAX = 120;

    private ExportMarkdown() {}

    static String render(PersonalData data, JsonMapper json) {
        StringBuilder out = new StringBuilder();
        out.append("# Personal data export\n\n");
        out.append("- **Person id**: ")
                .append(MarkdownText.inline(data.personId().toString()))
                .append('\n');
        out.append("- **Exported at**: ")
                .append(MarkdownText.inline(data.exportedAt().toString()))
                .append('\n');
        List<String> truncated = data.truncatedSections();
        if (!truncated.isEmpty()) {
            out.append("- **Cut (row maximum or size limit)**: ")
                    .append(MarkdownText.inline(String.join(", ", truncated)))
                    .append('\n');
        }
        data.sections().forEach((name, section) -> {
            out.append("\n## ")
                    .append(title(name))
                    .append(" (")
                    .append(section.rows().size())
                    .append(")\n");
            if (section.rows().isEmpty()) {
                out.append("\nNone.\n");
            }
            int n = 0;
            for (Map<String, Object> row : section.rows()) {
                out.append("\n### ").append(title(name)).append(' ').append(++n).append("\n\n");
                row(out, row, json);
            }
        });
        return out.toString();
    }

    private static void row(StringBuilder out, Map<String, Object> row, JsonMapper json) {
        StringBuilder paragraphs = new StringBuilder();
        row.forEach((key, value) -> {
            String text = value instanceof String s ? s : json.writeValueAsString(value);
            if (text.length() > INLINE_MAX || text.contains("\n") || text.contains("\r")) {
                paragraphs.append("\n**").append(title(key)).append("**:\n\n");
                paragraphs.append(MarkdownText.block(text)).append('\n');
            } else {
                out.append("- **")
                        .append(title(key))
                        .append("**: ")
                        .append(MarkdownText.inline(text))
                        .append('\n');
            }
        });
        out.append(paragraphs);
    }

    /** {@code mentoringGoals} → {@code Mentoring goals}. */
    static String title(String camel) {
        String spaced = camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
