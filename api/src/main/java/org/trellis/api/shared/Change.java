package org.trellis.api.shared;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.ArgumentValue;

/**
 * One field of an update, as the caller gave it: not at all (the field stays as it is), as null (an optional field is
 * cleared; a field that cannot be empty is refused as REQUIRED) or as a value. The one rule of every GraphQL update
 * input; bind the field as an {@link ArgumentValue} and pass {@link #of(ArgumentValue)} on.
 *
 * @param given whether the field was in the input at all
 * @param value the given value; null when not given or given as null
 */
public record Change<T>(boolean given, @Nullable T value) {

    private static final Change<?> KEEP = new Change<>(false, null);

    /** The field was not given: it stays. */
    @SuppressWarnings("unchecked")
    public static <T> Change<T> keep() {
        return (Change<T>) KEEP;
    }

    /** The field was given, as {@code value} (null clears). */
    public static <T> Change<T> to(@Nullable T value) {
        return new Change<>(true, value);
    }

    /** An argument or input field as GraphQL gave it: omitted keeps, null clears. */
    public static <T> Change<T> of(ArgumentValue<T> argument) {
        return argument.isOmitted() ? keep() : to(argument.value());
    }

    /** For callers without the distinction: null keeps the field. */
    public static <T> Change<T> unlessNull(@Nullable T value) {
        return value == null ? keep() : to(value);
    }

    /** The same change of a value converted by {@code convert} (a typed id to its UUID, say). */
    public <R> Change<R> map(Function<T, R> convert) {
        return !given ? keep() : to(value == null ? null : convert.apply(value));
    }

    /** Whether the field was given as null. */
    public boolean clears() {
        return given && value == null;
    }

    /** The value after the change: the given one (null when cleared), else {@code current}. */
    public @Nullable T or(@Nullable T current) {
        return given ? value : current;
    }
}
