package org.trellis.api.scim;

import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.val;

import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.scim2.common.filters.FilterType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jspecify.annotations.Nullable;
import org.trellis.api.scim.ScimFilterAttributes.Column;

/**
 * One SCIM comparison (RFC 7644 §3.4.2.2) of one attribute as a condition that is true or false, never unknown:
 * {@code ne} is true where the attribute has no value, every other operator false. Values are bound, never written
 * into the SQL; {@code co}, {@code sw} and {@code ew} escape LIKE's wildcards. Strings compare in the database's
 * collation, ignoring case unless {@code caseExact}; dateTimes as instants; booleans and ids only by {@code eq} and
 * {@code ne}. Anything else is {@code invalidFilter}.
 */
final class ScimFilterComparisons {

    private static final char ESCAPE = '\\';

    private ScimFilterComparisons() {}

    static Condition present(Column column) {
        return switch (column) {
            case Column.Text text -> text.field().isNotNull();
            case Column.Flag flag -> flag.field().isNotNull();
            case Column.Time time -> time.field().isNotNull();
            case Column.Id id -> id.field().isNotNull();
        };
    }

    static Condition compare(Column column, FilterType operator, @Nullable ValueNode value, String attribute) {
        return switch (column) {
            case Column.Text text -> text(text, operator, string(value, attribute, "a string"));
            case Column.Flag flag -> flag(flag.field(), operator, bool(value, attribute), attribute);
            case Column.Time time -> time(time.field(), operator, instant(value, attribute));
            case Column.Id id -> id(id.field(), operator, string(value, attribute, "an id"), attribute);
        };
    }

    private static Condition text(Column.Text column, FilterType operator, String value) {
        Field<String> field = column.caseExact() ? column.field() : lower(column.field());
        Field<String> bound = column.caseExact() ? val(value) : lower(val(value));
        Condition matches = switch (operator) {
            case EQUAL, NOT_EQUAL -> field.eq(bound);
            case CONTAINS -> field.like(pattern("%", value, "%", column), ESCAPE);
            case STARTS_WITH -> field.like(pattern("", value, "%", column), ESCAPE);
            case ENDS_WITH -> field.like(pattern("%", value, "", column), ESCAPE);
            case GREATER_THAN -> field.gt(bound);
            case GREATER_OR_EQUAL -> field.ge(bound);
            case LESS_THAN -> field.lt(bound);
            case LESS_OR_EQUAL -> field.le(bound);
            default -> throw new IllegalStateException("Not a comparison: " + operator);
        };
        return twoValued(column.field(), operator, matches);
    }

    /** LIKE's own characters in the value stand for themselves. */
    private static Field<String> pattern(String before, String value, String after, Column.Text column) {
        String escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        Field<String> pattern = val(before + escaped + after);
        return column.caseExact() ? pattern : lower(pattern);
    }

    private static Condition flag(Field<Boolean> field, FilterType operator, boolean value, String attribute) {
        if (operator != FilterType.EQUAL && operator != FilterType.NOT_EQUAL) {
            throw ScimException.invalidFilter(attribute + " is a boolean: only eq, ne and pr apply.");
        }
        return twoValued(field, operator, field.eq(value));
    }

    private static Condition time(Field<Instant> field, FilterType operator, Instant value) {
        Condition matches = switch (operator) {
            case EQUAL, NOT_EQUAL -> field.eq(value);
            case GREATER_THAN -> field.gt(value);
            case GREATER_OR_EQUAL -> field.ge(value);
            case LESS_THAN -> field.lt(value);
            case LESS_OR_EQUAL -> field.le(value);
            default -> throw ScimException.invalidFilter("dateTimes compare with eq, ne, gt, ge, lt and le.");
        };
        return twoValued(field, operator, matches);
    }

    private static Condition id(Field<UUID> field, FilterType operator, String value, String attribute) {
        if (operator != FilterType.EQUAL && operator != FilterType.NOT_EQUAL) {
            throw ScimException.invalidFilter(attribute + " is an id: only eq, ne and pr apply.");
        }
        UUID id = uuid(value);
        // A value that is no Trellis id names nothing.
        return twoValued(field, operator, id == null ? falseCondition() : field.eq(id));
    }

    /** {@code ne} is "not eq", true where there is no value; the others are false there. */
    private static Condition twoValued(Field<?> field, FilterType operator, Condition matches) {
        return operator == FilterType.NOT_EQUAL
                ? field.isNull().or(matches.not())
                : field.isNotNull().and(matches);
    }

    private static String string(@Nullable ValueNode value, String attribute, String what) {
        if (value == null || !value.isTextual()) {
            throw ScimException.invalidFilter(attribute + " compares with " + what + " in quotes.");
        }
        return value.textValue();
    }

    /** JSON booleans, and the strings "True" and "False" as Entra ID sends them. */
    private static boolean bool(@Nullable ValueNode value, String attribute) {
        if (value != null && value.isBoolean()) {
            return value.booleanValue();
        }
        if (value != null && value.isTextual()) {
            String text = value.textValue().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                return Boolean.parseBoolean(text);
            }
        }
        throw ScimException.invalidFilter(attribute + " compares with true or false.");
    }

    /** An xsd:dateTime with its offset, such as {@code "2026-01-31T09:30:00Z"}. */
    private static Instant instant(@Nullable ValueNode value, String attribute) {
        if (value != null && value.isTextual()) {
            try {
                return OffsetDateTime.parse(value.textValue()).toInstant();
            } catch (DateTimeParseException e) {
                // refused below
            }
        }
        throw ScimException.invalidFilter(attribute + " compares with a dateTime such as \"2026-01-31T09:30:00Z\".");
    }

    private static @Nullable UUID uuid(String value) {
        try {
            UUID id = UUID.fromString(value);
            return id.toString().equalsIgnoreCase(value) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
