package org.trellis.api.privacy;

import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Cursor;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.SelectLimitStep;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one bounded query of an export section, within the export's budget, and turns its rows into plain values under
 * camelCase names.
 */
@Component
class Rows {

    private final JsonMapper json;

    Rows(JsonMapper json) {
        this.json = json;
    }

    /** Rows fetched from the database at a time: the section is read as a stream, stopped where the budget ends. */
    private static final int FETCH_SIZE = 100;

    /**
     * At most {@code max} rows of {@code query} (one statement), as many as {@code budget} allows; truncated when it
     * had more.
     */
    PersonalData.Section fetch(SelectLimitStep<? extends Record> query, int max, ExportBudget budget) {
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean truncated = false;
        try (Cursor<? extends Record> cursor =
                query.limit(max + 1).fetchSize(FETCH_SIZE).fetchLazy()) {
            for (Record record : cursor) {
                Map<String, Object> row = plain(record);
                if (rows.size() == max
                        || !budget.take(json.writeValueAsString(row).length())) {
                    truncated = true;
                    break;
                }
                rows.add(row);
            }
        }
        return new PersonalData.Section(List.copyOf(rows), truncated);
    }

    private Map<String, Object> plain(Record record) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Field<?> field : record.fields()) {
            Object value = value(record.get(field));
            if (value != null) {
                row.put(camel(field.getName()), value);
            }
        }
        return row;
    }

    private Object value(Object value) {
        return switch (value) {
            case null -> null;
            case JSONB jsonb -> json.readValue(jsonb.data(), Object.class);
            case UUID id -> id.toString();
            case TemporalAccessor time -> time.toString();
            case Object[] array -> Arrays.stream(array).map(this::value).toList();
            default -> value;
        };
    }

    static String camel(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
