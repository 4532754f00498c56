package org.trellis.api.scim;

import static org.jooq.impl.DSL.and;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.or;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.AndFilter;
import com.unboundid.scim2.common.filters.ComplexValueFilter;
import com.unboundid.scim2.common.filters.ContainsFilter;
import com.unboundid.scim2.common.filters.EndsWithFilter;
import com.unboundid.scim2.common.filters.EqualFilter;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.filters.FilterVisitor;
import com.unboundid.scim2.common.filters.GreaterThanFilter;
import com.unboundid.scim2.common.filters.GreaterThanOrEqualFilter;
import com.unboundid.scim2.common.filters.LessThanFilter;
import com.unboundid.scim2.common.filters.LessThanOrEqualFilter;
import com.unboundid.scim2.common.filters.NotEqualFilter;
import com.unboundid.scim2.common.filters.NotFilter;
import com.unboundid.scim2.common.filters.OrFilter;
import com.unboundid.scim2.common.filters.PresentFilter;
import com.unboundid.scim2.common.filters.StartsWithFilter;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.jooq.Condition;
import org.jspecify.annotations.Nullable;
import org.trellis.api.scim.ScimFilterAttributes.Column;
import org.trellis.api.scim.ScimFilterAttributes.Values;

/**
 * SCIM filters (RFC 7644 §3.4.2.2, the whole grammar, parsed by the UnboundID SCIM 2 SDK) as SQL conditions with
 * bound values: {@code eq ne co sw ew pr gt ge lt le}, {@code and or not}, grouping and value paths such as
 * {@code emails[type eq "work" and value co "@example.com"]}. Every comparison is true or false, never SQL's unknown,
 * so {@code not} means what it says: an attribute without a value is {@code ne} to everything and nothing else.
 * Filters longer than {@value #MAX_LENGTH} characters, nested deeper than {@value #MAX_DEPTH}, malformed, naming
 * attributes {@link ScimFilterAttributes} does not list or comparing them in a way their type does not allow are
 * refused with {@code invalidFilter}.
 */
final class ScimFilterConditions implements FilterVisitor<Condition, ScimFilterConditions.@Nullable Scope> {

    static final int MAX_LENGTH = 1000;
    static final int MAX_DEPTH = 10;

    private final ScimFilterAttributes attributes;

    private ScimFilterConditions(ScimFilterAttributes attributes) {
        this.attributes = attributes;
    }

    /** The condition a filter sets; none for no filter. */
    static Condition of(@Nullable String filter, ScimFilterAttributes attributes) {
        if (filter == null || filter.isBlank()) {
            return noCondition();
        }
        if (filter.length() > MAX_LENGTH) {
            throw ScimException.invalidFilter("Filters have at most " + MAX_LENGTH + " characters.");
        }
        if (!ScimPaths.bracketsClosed(filter)) {
            throw ScimException.invalidFilter("Malformed filter: a value path's [ is not closed.");
        }
        Filter parsed;
        try {
            parsed = Filter.fromString(filter);
        } catch (BadRequestException | RuntimeException e) {
            // The SDK names the position; array and object values fail with a ClassCastException.
            String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw ScimException.invalidFilter("Malformed filter: " + truncate(reason, 160));
        }
        if (depth(parsed) > MAX_DEPTH) {
            throw ScimException.invalidFilter("Filters nest at most " + MAX_DEPTH + " deep.");
        }
        try {
            return parsed.visit(new ScimFilterConditions(attributes), null);
        } catch (com.unboundid.scim2.common.exceptions.ScimException e) {
            throw ScimException.invalidFilter("Malformed filter.");
        }
    }

    /** How many {@code and}, {@code or}, {@code not} and value paths enclose the deepest comparison. */
    private static int depth(Filter filter) {
        if (filter.isCombiningFilter()) {
            return 1
                    + filter.getCombinedFilters().stream()
                            .mapToInt(ScimFilterConditions::depth)
                            .max()
                            .orElse(0);
        }
        if (filter.isNotFilter()) {
            return 1 + depth(filter.getInvertedFilter());
        }
        return filter.isComplexValueFilter() ? 1 + depth(filter.getValueFilter()) : 0;
    }

    @Override
    public Condition visit(AndFilter filter, @Nullable Scope scope) {
        return and(filter.getCombinedFilters().stream()
                .map(part -> visitPart(part, scope))
                .toList());
    }

    @Override
    public Condition visit(OrFilter filter, @Nullable Scope scope) {
        return or(filter.getCombinedFilters().stream()
                .map(part -> visitPart(part, scope))
                .toList());
    }

    @Override
    public Condition visit(NotFilter filter, @Nullable Scope scope) {
        return not(visitPart(filter.getInvertedFilter(), scope));
    }

    /** {@code emails[type eq "work" and value eq "x"]}: one value meets the whole inner filter. */
    @Override
    public Condition visit(ComplexValueFilter filter, @Nullable Scope scope) {
        Path path = filter.getAttributePath();
        Values values = path.size() == 1 && scope == null && ownSchema(path)
                ? attributes.multiValued().get(key(path.getElement(0).getAttribute()))
                : null;
        if (values == null) {
            throw ScimException.invalidFilter("Cannot filter values of " + truncate(path.toString(), 60) + ".");
        }
        return values.any().apply(visitPart(filter.getValueFilter(), new Scope(values)));
    }

    private Condition visitPart(Filter part, @Nullable Scope scope) {
        try {
            return part.visit(this, scope);
        } catch (com.unboundid.scim2.common.exceptions.ScimException e) {
            throw ScimException.invalidFilter("Malformed filter.");
        }
    }

    @Override
    public Condition visit(PresentFilter filter, @Nullable Scope scope) {
        return compare(filter, scope);
    }

    @Override
    public Condition visit(EqualFilter filter, @Nullable Scope scope) {
        return compare(filter, scope);
    }

    @Override
    public Condition visit(NotEqualFilter filter, @Nullable Scope scope) {
        return compare(filter, scope);
    }

    @Override
    public Condition visit(ContainsFilter filter, @Nullable Scope scope) {
        return compare(filter, scope);
    }

    @Override
    public Condition visit(StartsWithFilter filter, @Nullable Scope scope) {
        return compare(filter, scope);
    }

    @Override
    public Condition visit(EndsWithFilter filter, @Nullable Scope scope) {
        return compare(filter, scope);
    }

    @Override
    public Condition visit(GreaterThanFilter filter, @Nullable Scope scope) {
        return compare(filter, scope);
    }

    @Override
    public Condition visit(GreaterThanOrEqualFilter filter, @Nullable Scope scope) {
        return compare(filter, scope);
    }

    @Override
    public Condition visit(LessThanFilter filter, @Nullable Scope scope) {
        return compare(filter, scope);
    }

    @Override
    public Condition visit(LessThanOrEqualFilter filter, @Nullable Scope scope) {
        return compare(filter, scope);
    }

    /**
     * A comparison or {@code pr}. Inside a value path, the path names a sub-attribute of that value; outside, an
     * attribute, or a sub-attribute of a multi-valued one ({@code emails.value}, or {@code emails} for its value).
     */
    private Condition compare(Filter filter, @Nullable Scope scope) {
        Path path = filter.getAttributePath();
        Column column = null;
        UnaryOperator<Condition> any = UnaryOperator.identity();
        if (scope != null) {
            column = path.size() == 1 && path.getSchemaUrn() == null
                    ? scope.values().subAttributes().get(key(path.getElement(0).getAttribute()))
                    : null;
        } else if (path.size() > 0 && ownSchema(path)) {
            Values values = attributes.multiValued().get(key(path.getElement(0).getAttribute()));
            if (values != null && path.size() <= 2) {
                String sub = path.size() == 1 ? "value" : key(path.getElement(1).getAttribute());
                column = values.subAttributes().get(sub);
                any = values.any();
            } else if (values == null) {
                StringBuilder dotted = new StringBuilder();
                path.forEach(
                        element -> dotted.append(dotted.isEmpty() ? "" : ".").append(element.getAttribute()));
                column = attributes.attributes().get(key(dotted.toString()));
            }
        }
        if (column == null) {
            throw ScimException.invalidFilter("Cannot filter on " + truncate(path.toString(), 60) + ".");
        }
        FilterType operator = filter.getFilterType();
        return any.apply(
                operator == FilterType.PRESENT
                        ? ScimFilterComparisons.present(column)
                        : ScimFilterComparisons.compare(
                                column, operator, filter.getComparisonValue(), truncate(path.toString(), 60)));
    }

    /** Paths without a schema, or with the resource type's core schema. */
    private boolean ownSchema(Path path) {
        return path.getSchemaUrn() == null || path.getSchemaUrn().equalsIgnoreCase(attributes.schema());
    }

    private static String key(String attribute) {
        return attribute.toLowerCase(Locale.ROOT);
    }

    static String truncate(String value, int max) {
        return value.length() > max ? value.substring(0, max) + "…" : value;
    }

    /** Inside a value path: the multi-valued attribute whose values the filter compares. */
    record Scope(Values values) {}
}
