package org.trellis.api.observability;

import java.util.regex.Pattern;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * The last guard on every JSON log line ({@code logging.structured.json.customizer}): credentials that have a
 * recognisable shape are masked in every string value (message, MDC, stack trace) before the line is written. The
 * first guards are structural: nothing logs request bodies or headers, and the loggers that would at DEBUG are pinned
 * to INFO in {@code application.properties}. Private notes have no shape; only the structural guards keep them out.
 */
public final class LogMasking implements StructuredLoggingJsonMembersCustomizer<Object> {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final Pattern QUERY_SECRET = Pattern.compile(
            "(?i)\\b(access_token|id_token|refresh_token|client_secret|token|secret|password)=[^&\\s\"]+");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    /** SCIM credentials ({@code scim_<tenant hex>_<random>}) and generated webhook secrets ({@code whsec_<random>}). */
    private static final Pattern ISSUED_SECRET = Pattern.compile("\\b(scim_[0-9a-f]{32}|whsec)_[A-Za-z0-9_-]{16,}");

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, LogMasking::mask));
    }

    /**
     * The value with every credential-shaped part masked. Each pattern runs only when the value holds the literal
     * text any match of it must contain ({@code eyJ}; {@code bearer}; {@code token=}, {@code secret=} or {@code
     * password=}; {@code scim_} or {@code whsec_}), so an ordinary line (most carry dots, underscores or {@code =})
     * costs a few scans, not four regular expressions.
     */
    static String mask(String value) {
        String masked = value;
        if (masked.contains("eyJ")) {
            masked = JWT.matcher(masked).replaceAll("[masked jwt]");
        }
        if (containsIgnoringCase(masked, "bearer")) {
            masked = BEARER.matcher(masked).replaceAll("$1[masked]");
        }
        if (masked.indexOf('=') >= 0
                && (containsIgnoringCase(masked, "token=")
                        || containsIgnoringCase(masked, "secret=")
                        || containsIgnoringCase(masked, "password="))) {
            masked = QUERY_SECRET.matcher(masked).replaceAll("$1=[masked]");
        }
        if (masked.contains("scim_") || masked.contains("whsec_")) {
            masked = maskIssued(masked);
        }
        return masked;
    }

    /** Every pattern, unconditionally: what {@link #mask} must always equal. */
    static String maskEveryPattern(String value) {
        String masked = JWT.matcher(value).replaceAll("[masked jwt]");
        masked = BEARER.matcher(masked).replaceAll("$1[masked]");
        masked = QUERY_SECRET.matcher(masked).replaceAll("$1=[masked]");
        return maskIssued(masked);
    }

    private static String maskIssued(String value) {
        return ISSUED_SECRET
                .matcher(value)
                .replaceAll(match -> match.group(1).startsWith("scim") ? "scim_[masked]" : "whsec_[masked]");
    }

    private static boolean containsIgnoringCase(String value, String lowerCaseAscii) {
        for (int i = 0, last = value.length() - lowerCaseAscii.length(); i <= last; i++) {
            if (value.regionMatches(true, i, lowerCaseAscii, 0, lowerCaseAscii.length())) {
                return true;
            }
        }
        return false;
    }
}
