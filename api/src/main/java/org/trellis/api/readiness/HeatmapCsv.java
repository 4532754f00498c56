package org.trellis.api.readiness;

/** The heatmap as CSV (RFC 4180): a header of competency keys, then one row per person. */
final class HeatmapCsv {

    private HeatmapCsv() {}

    static String csv(Dashboard.Heatmap heatmap) {
        StringBuilder csv = new StringBuilder("person");
        heatmap.columns().forEach(c -> csv.append(',').append(cell(c.key())));
        csv.append(",verdict,score\r\n");
        heatmap.rows().forEach(row -> {
            csv.append(cell(row.person().displayName()));
            row.statuses().forEach(s -> csv.append(',').append(s == null ? "" : s.name()));
            csv.append(',')
                    .append(row.verdict() == null ? "" : row.verdict().name())
                    .append(',')
                    .append(row.score() == null ? "" : row.score())
                    .append("\r\n");
        });
        return csv.toString();
    }

    /** RFC 4180 quoting, and no formula injection: a cell starting with = + - @ is prefixed with '. */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.indexOf('"') >= 0 || safe.indexOf(',') >= 0 || safe.indexOf('\r') >= 0 || safe.indexOf('\n') >= 0
                ? "\"" + safe.replace("\"", "\"\"") + "\""
                : safe;
    }
}
