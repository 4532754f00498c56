package org.trellis.api.privacy;

/**
 * Puts user text into Markdown as literal text: every ASCII punctuation character is backslash-escaped (CommonMark
 * allows that for all of them), so no emphasis, link, HTML, heading, list, quote, table or entity can start from
 * user text; control characters are dropped and each line's leading blanks removed (no indented code blocks).
 */
final class MarkdownText {

    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private MarkdownText() {}

    /** One line: line breaks become spaces. */
    static String inline(String text) {
        return escapeLine(text.replaceAll("\\R", " ").strip());
    }

    /** A paragraph keeping the text's line breaks (as Markdown hard breaks); blank lines separate paragraphs. */
    static String block(String text) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.strip().split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = escapeLine(lines[i].strip());
            out.append(line);
            if (i < lines.length - 1) {
                boolean paragraphEnds = line.isEmpty() || lines[i + 1].isBlank();
                out.append(paragraphEnds ? "\n" : "\\\n");
            }
        }
        return out.toString();
    }

    private static String escapeLine(String line) {
        StringBuilder out = new StringBuilder(line.length() + 16);
        line.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                return;
            }
            if (c < 128 && PUNCTUATION.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.appendCodePoint(c);
        });
        return out.toString();
    }
}
