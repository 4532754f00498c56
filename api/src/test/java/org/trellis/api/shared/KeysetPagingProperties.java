package org.trellis.api.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.pagination.CursorEncoder;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.graphql.data.query.ScrollPositionCursorStrategy;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.graphql.data.query.WindowConnectionAdapter;
import org.trellis.graphql.KeysetWindows;

/**
 * Walks over a list that changes between page requests (random inserts anywhere, random deletes, the item under
 * the cursor included): every item present throughout the walk is answered exactly once, and in the list's order.
 * The list is an in-memory model sorted like the evidence of a person (newest day first, then by id, with many items
 * on one day); pages go through {@link KeysetWindows} and Spring GraphQL's cursors as a request does, and rows come
 * from an in-memory seek that asks what {@link KeysetOrder#page} asks the database.
 */
class KeysetPagingProperties {

    private static final CursorStrategy<ScrollPosition> CURSORS =
            CursorStrategy.withEncoder(new ScrollPositionCursorStrategy(), CursorEncoder.base64());
    private static final WindowConnectionAdapter ADAPTER = new WindowConnectionAdapter(CURSORS);
    private static final Comparator<Item> ORDER =
            Comparator.comparingInt(Item::day).reversed().thenComparingLong(Item::id);
    private static final int EXAMPLES = 400;

    private record Item(int day, long id) {}

    @Test
    void walkingForwardAnswersEveryItemPresentThroughoutOnceAndInOrder() {
        qt().withExamples(EXAMPLES)
                .forAll(longs().all(), integers().between(1, 6), integers().between(0, 25))
                .checkAssert((seed, size, initial) -> walk(new Random(seed), size, initial, true));
    }

    @Test
    void walkingBackwardFromTheEndAnswersEveryItemPresentThroughoutOnceAndInOrder() {
        qt().withExamples(EXAMPLES)
                .forAll(longs().all(), integers().between(1, 6), integers().between(0, 25))
                .checkAssert((seed, size, initial) -> walk(new Random(seed), size, initial, false));
    }

    /** One walk from the start (or the end) to the other end, changing the list before every further page. */
    private static void walk(Random random, int size, int initial, boolean forward) {
        Model list = new Model(random);
        for (int i = 0; i < initial; i++) {
            list.insert();
        }
        Set<Item> throughout = new HashSet<>(list.items);
        List<Item> seen = new ArrayList<>();
        Window<Item> page = list.request(size, null, forward);
        int requests = 1;
        while (true) {
            if (forward) {
                seen.addAll(page.getContent());
            } else {
                seen.addAll(0, page.getContent());
            }
            if (!(forward ? ADAPTER.hasNext(page) : ADAPTER.hasPrevious(page))) {
                break;
            }
            assertThat(page.getContent())
                    .as("a page with more after it is full")
                    .hasSize(size);
            int changes = random.nextInt(4);
            for (int i = 0; i < changes; i++) {
                if (random.nextBoolean() || list.items.isEmpty()) {
                    list.insert();
                } else {
                    throughout.remove(list.delete());
                }
            }
            String cursor = ADAPTER.cursorAt(page, forward ? page.size() - 1 : 0);
            page = list.request(size, cursor, forward);
            assertThat(++requests).as("the walk ends").isLessThan(200);
        }
        assertThat(seen).doesNotHaveDuplicates().isSortedAccordingTo(ORDER).containsAll(throughout);
    }

    /** The list: kept in its order; inserts land anywhere, deletes take any item. */
    private static final class Model {

        private final Random random;
        private final List<Item> items = new ArrayList<>();
        private long nextId;

        Model(Random random) {
            this.random = random;
            this.nextId = random.nextInt(1000);
        }

        void insert() {
            // Ids are unique but not increasing: a new item may sort anywhere among its day's.
            nextId += 1 + random.nextInt(3);
            long id = random.nextBoolean() ? nextId : -nextId;
            items.add(new Item(random.nextInt(4), id));
            items.sort(ORDER);
        }

        Item delete() {
            return items.remove(random.nextInt(items.size()));
        }

        /** {@code first}/{@code after} when forward, {@code last}/{@code before} otherwise, as Spring resolves them. */
        Window<Item> request(int count, String cursor, boolean forward) {
            ScrollPosition position = cursor == null ? null : CURSORS.fromCursor(cursor);
            KeysetWindows.Page page = KeysetWindows.page(ScrollSubrange.create(position, count, forward), 20, 100);
            Comparator<Item> order = page.forward() ? ORDER : ORDER.reversed();
            Item after = page.keys() == null
                    ? null
                    : new Item(Integer.parseInt(page.key("day")), Long.parseLong(page.key("id")));
            List<Item> rows = items.stream()
                    .filter(item -> after == null || order.compare(item, after) > 0)
                    .sorted(order)
                    .limit(page.limit() + 1L)
                    .toList();
            return KeysetWindows.window(rows, page, item -> Map.of("day", "" + item.day(), "id", "" + item.id()));
        }
    }
}
