package org.trellis.api.system;

/**
 * The header checks of Spring Security's {@code StrictHttpFirewall}, decided without its regular expressions, which
 * ran over every header value read (the bearer token at each read): a name holds only assigned characters that are
 * not controls ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}), and a value may also hold tabs
 * ({@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}). Both are read by code point, as the expressions are.
 */
final class HeaderCharacters {

    private HeaderCharacters() {}

    static boolean isAllowedName(String name) {
        return allowed(name, false);
    }

    static boolean isAllowedValue(String value) {
        return allowed(value, true);
    }

    private static boolean allowed(String text, boolean tabs) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                i++; // printable ASCII: assigned, no control
                continue;
            }
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tabs && codePoint == '\t'))) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
