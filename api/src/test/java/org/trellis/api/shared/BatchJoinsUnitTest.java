package org.trellis.api.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class BatchJoinsUnitTest {

    record Row(UUID id, @Nullable UUID ref) {}

    record Target(UUID id, String name) {}

    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID hidden = UUID.randomUUID();

    @Test
    void toOneLoadsEachDistinctKeyOnceInOneCall() {
        List<List<UUID>> calls = new ArrayList<>();
        Row first = new Row(UUID.randomUUID(), a);
        Row second = new Row(UUID.randomUUID(), a);
        Row third = new Row(UUID.randomUUID(), b);

        Map<Row, @Nullable Target> joined = BatchJoins.toOne(
                List.of(first, second, third),
                Row::ref,
                ids -> {
                    calls.add(ids);
                    return ids.stream()
                            .map(id -> new Target(id, id.equals(a) ? "a" : "b"))
                            .toList();
                },
                Target::id);

        assertThat(calls).containsExactly(List.of(a, b));
        assertThat(joined.get(first).name()).isEqualTo("a");
        assertThat(joined.get(second).name()).isEqualTo("a");
        assertThat(joined.get(third).name()).isEqualTo("b");
    }

    @Test
    void toOneAnswersNullForNoKeyAndForWhatTheLoaderWithheld() {
        Row none = new Row(UUID.randomUUID(), null);
        Row withheld = new Row(UUID.randomUUID(), hidden);

        Map<Row, @Nullable Target> joined =
                BatchJoins.toOne(List.of(none, withheld), Row::ref, ids -> List.<Target>of(), Target::id);

        assertThat(joined).containsOnlyKeys(none, withheld);
        assertThat(joined.get(none)).isNull();
        assertThat(joined.get(withheld)).isNull();
    }

    @Test
    void toManyGivesAnEmptyListToSourcesTheLoaderHasNothingFor() {
        Row withChildren = new Row(a, null);
        Row without = new Row(b, null);
        Target child = new Target(UUID.randomUUID(), "child");

        Map<Row, List<Target>> joined =
                BatchJoins.toMany(List.of(withChildren, without), Row::id, ids -> Map.of(a, List.of(child)));

        assertThat(joined.get(withChildren)).containsExactly(child);
        assertThat(joined.get(without)).isEmpty();
    }

    @Test
    void eachKeepsNullValues() {
        Row row = new Row(a, null);
        assertThat(BatchJoins.each(List.of(row), r -> (String) null)).containsEntry(row, null);
    }
}
