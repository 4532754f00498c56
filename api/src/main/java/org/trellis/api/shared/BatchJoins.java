package org.trellis.api.shared;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The one way a batch mapping joins its sources to what they refer to: collect the distinct keys, load them with one
 * call, and answer a value per source. A loader returns only what the caller may see, so a source whose target is
 * missing or hidden gets null. A list field the caller may not see at all is null ({@link #toManyWhereVisible}); one
 * they may see but that has nothing is an empty list.
 */
public final class BatchJoins {

    private BatchJoins() {}

    /** Each source's one target by the key it holds, or null where it holds none or the target is not loaded. */
    public static <S, T> Map<S, @Nullable T> toOne(
            Collection<S> sources,
            Function<S, @Nullable UUID> key,
            Function<List<UUID>, ? extends Collection<T>> load,
            Function<T, UUID> id) {
        Map<UUID, T> found = new HashMap<>();
        load.apply(keys(sources, key)).forEach(target -> found.put(id.apply(target), target));
        return each(sources, source -> {
            UUID k = key.apply(source);
            return k == null ? null : found.get(k);
        });
    }

    /** Each source's targets, from a loader that groups them by key; a source with none gets an empty list. */
    public static <S, T> Map<S, List<T>> toMany(
            Collection<S> sources, Function<S, UUID> key, Function<List<UUID>, Map<UUID, List<T>>> load) {
        Map<UUID, List<T>> found = load.apply(keys(sources, key));
        return each(sources, source -> found.getOrDefault(key.apply(source), List.of()));
    }

    /**
     * Each source's targets where the caller may see them ({@code visible}), from targets already grouped by key:
     * null for a source whose list is hidden, an empty list for a visible one with none.
     */
    public static <S, T> Map<S, @Nullable List<T>> toManyWhereVisible(
            Collection<S> sources, Predicate<S> visible, Function<S, UUID> key, Map<UUID, List<T>> found) {
        return each(sources, source -> visible.test(source) ? found.getOrDefault(key.apply(source), List.of()) : null);
    }

    /** A value per source, already computed or looked up per source (null values allowed). */
    public static <S, V> Map<S, @Nullable V> each(Collection<S> sources, Function<S, @Nullable V> value) {
        Map<S, @Nullable V> result = HashMap.newHashMap(sources.size());
        sources.forEach(source -> result.put(source, value.apply(source)));
        return result;
    }

    /** Rows by their id. */
    public static <T> Map<UUID, T> byId(Collection<T> rows, Function<T, UUID> id) {
        Map<UUID, T> result = HashMap.newHashMap(rows.size());
        rows.forEach(row -> result.put(id.apply(row), row));
        return result;
    }

    private static <S> List<UUID> keys(Collection<S> sources, Function<S, @Nullable UUID> key) {
        return sources.stream().map(key).filter(Objects::nonNull).distinct().toList();
    }
}
