package org.trellis.api.privacy;

/**
 * How much one export may hold, so that an export is built in bounded memory whatever the person's history: rows are
 * taken section by section (in export order, newest first) until the next row's JSON would exceed the budget; that
 * row and every later one, in any section, are left out and their sections reported as truncated. The Markdown half
 * is of about the same size. Not thread-safe: one per export.
 */
final class ExportBudget {

    private long remaining;
    private boolean exhausted;

    /** A budget of {@code chars} characters of row JSON. */
    ExportBudget(long chars) {
        this.remaining = chars;
    }

    /** Takes a row of {@code chars} characters; false, taking nothing, once a row did not fit. */
    boolean take(int chars) {
        if (exhausted || chars > remaining) {
            exhausted = true;
            return false;
        }
        remaining -= chars;
        return true;
    }
}
