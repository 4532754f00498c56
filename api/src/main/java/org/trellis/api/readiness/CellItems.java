package org.trellis.api.readiness;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.trellis.api.readiness.ReadinessEngine.Item;

/**
 * A rollup cell's parallel arrays read as three comma-separated strings and split here: the driver's array parsing
 * and the per-element conversions (a {@code java.sql.Date} per date) were most of the cost of deciding readiness.
 * Evidence ids, kinds (upper-case names) and ISO dates (the driver requires {@code DateStyle} ISO) hold no comma.
 */
final class CellItems {

    private CellItems() {}

    /** {@code array} as one string, its elements joined by commas. */
    static Field<String> joined(Field<? extends Object[]> array) {
        return DSL.arrayToString(array, DSL.inline(","));
    }

    /** The items of one cell, from its joined arrays (of equal length, as the table's check requires). */
    static List<Item> parse(String evidenceIds, String kinds, String dates) {
        List<Item> items = new ArrayList<>();
        if (evidenceIds.isEmpty()) {
            return items;
        }
        int id = 0;
        int kind = 0;
        int date = 0;
        while (id <= evidenceIds.length()) {
            int idEnd = end(evidenceIds, id);
            int kindEnd = end(kinds, kind);
            int dateEnd = end(dates, date);
            items.add(new Item(
                    UUID.fromString(evidenceIds.substring(id, idEnd)),
                    kinds.substring(kind, kindEnd),
                    isoDate(dates, date, dateEnd)));
            id = idEnd + 1;
            kind = kindEnd + 1;
            date = dateEnd + 1;
        }
        return items;
    }

    private static int end(String joined, int from) {
        int comma = joined.indexOf(',', from);
        return comma < 0 ? joined.length() : comma;
    }

    /** {@code yyyy-mm-dd}, parsed in place (evidence dates are validated to lie between 2000 and tomorrow). */
    private static LocalDate isoDate(String text, int from, int to) {
        if (to - from != 10 || text.charAt(from + 4) != '-' || text.charAt(from + 7) != '-') {
            return LocalDate.parse(text.substring(from, to));
        }
        return LocalDate.of(
                Integer.parseInt(text, from, from + 4, 10),
                Integer.parseInt(text, from + 5, from + 7, 10),
                Integer.parseInt(text, from + 8, from + 10, 10));
    }
}
