package org.trellis.api.privacy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything Trellis holds about one person, section by section (profile, accounts, evidence, …), each a bounded
 * list of rows with plain values (text, numbers, booleans, lists, nested maps).
 */
record PersonalData(UUID personId, Instant exportedAt, Map<String, Section> sections) {

    /** One section's rows, at most its maximum and within the export's budget; {@code truncated} when there were more. */
    record Section(List<Map<String, Object>> rows, boolean truncated) {}

    /** The export as a JSON-ready tree. */
    Map<String, Object> tree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("personId", personId.toString());
        tree.put("exportedAt", exportedAt.toString());
        tree.put("truncated", truncatedSections());
        sections.forEach((name, section) -> tree.put(name, section.rows()));
        return tree;
    }

    /** Names of the sections cut at their maximum or by the export's budget. */
    List<String> truncatedSections() {
        return sections.entrySet().stream()
                .filter(entry -> entry.getValue().truncated())
                .map(Map.Entry::getKey)
                .toList();
    }
}
