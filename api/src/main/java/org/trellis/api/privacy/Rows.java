package org.trellis.api.privacy;

import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SelectLimitStep;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Runs one bounded query of an export section and turns its rows into plain values under camelCase names. */
@Component
class Rows {

    private final JsonMapper json;

    Rows(JsonMapper json) {
        this.json = json;
    }

    /** At most {@code max} rows of {@code query} (one statement); truncated when it had more. */
    PersonalData.Section fetch(SelectLimitStep<? extends Record> query, int max) {
        Result<? extends Record> result = query.limit(max + 1).fetch();
        List<Map<String, Object>> rows =
                result.stream().limit(max).map(this::plain).toList();
        return new PersonalData.Section(rows, result.size() > max);
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
