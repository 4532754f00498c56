package org.trellis.api.frameworks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The frameworks controllers' batch joins: a value per key, and rows by id. */
final class FrameworkJoins {

    private FrameworkJoins() {}

    static <K, V> Map<K, V> byKey(List<K> keys, Function<K, V> value) {
        Map<K, V> result = new HashMap<>();
        keys.forEach(key -> result.put(key, value.apply(key)));
        return result;
    }

    static <T> Map<UUID, T> index(List<T> items, Function<T, UUID> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
