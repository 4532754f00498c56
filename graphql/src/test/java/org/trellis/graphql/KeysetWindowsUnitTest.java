package org.trellis.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.pagination.CursorEncoder;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.graphql.data.query.ScrollPositionCursorStrategy;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.graphql.data.query.WindowConnectionAdapter;

/**
 * Keyset pages as a request makes them: cursors encoded and decoded as Spring GraphQL does, rows read by a tiny
 * in-memory seek over a list sorted by day (newest first) and then by id, with many items sharing a day.
 */
class KeysetWindowsUnitTest {

    private static final CursorStrategy<ScrollPosition> CURSORS =
            CursorStrategy.withEncoder(new ScrollPositionCursorStrategy(), CursorEncoder.base64());
    private static final WindowConnectionAdapter ADAPTER = new WindowConnectionAdapter(CURSORS);

    /** Newest day first, then by id: the tiebreak makes it a total order. */
    private static final Comparator<Item> ORDER =
            Comparator.comparingInt(Item::day).reversed().thenComparingLong(Item::id);

    private record Item(int day, long id) {}

    /** Ten items on three days, in list order. */
    private static final List<Item> LIST = IntStream.range(0, 10)
            .mapToObj(i -> new Item(i % 3, i))
            .sorted(ORDER)
            .toList();

    @Test
    void withoutACursorTheFirstPageStartsTheListAndTheLastPageEndsIt() {
        Window<Item> first = request(3, null, true);
        assertThat(first.getContent()).isEqualTo(LIST.subList(0, 3));
        assertThat(ADAPTER.hasNext(first)).isTrue();
        assertThat(ADAPTER.hasPrevious(first)).isFalse();

        Window<Item> last = request(3, null, false);
        assertThat(last.getContent()).isEqualTo(LIST.subList(7, 10));
        assertThat(ADAPTER.hasPrevious(last)).isTrue();
        assertThat(ADAPTER.hasNext(last)).isFalse();

        assertThat(request(10, null, false).getContent()).isEqualTo(LIST);
        assertThat(ADAPTER.hasPrevious(request(10, null, false))).isFalse();
        assertThat(ADAPTER.hasNext(request(10, null, true))).isFalse();
    }

    @Test
    void afterAndBeforeACursorAnswerTheItemsRightAfterAndRightBeforeIt() {
        List<String> cursors = cursors(request(100, null, true));

        assertThat(request(2, cursors.get(3), true).getContent()).isEqualTo(LIST.subList(4, 6));
        assertThat(request(2, cursors.get(3), false).getContent()).isEqualTo(LIST.subList(1, 3));
        assertThat(request(5, cursors.getLast(), true).getContent()).isEmpty();
        assertThat(request(5, cursors.getFirst(), false).getContent()).isEmpty();
    }

    @Test
    void lastBeforeACursorNearTheStartAnswersWhatIsBeforeItAndNoMore() {
        List<String> cursors = cursors(request(100, null, true));

        Window<Item> nearStart = request(5, cursors.get(1), false);
        assertThat(nearStart.getContent()).containsExactly(LIST.getFirst());
        assertThat(ADAPTER.hasPrevious(nearStart)).isFalse();

        Window<Item> exactly = request(1, cursors.get(2), false);
        assertThat(exactly.getContent()).containsExactly(LIST.get(1));
        assertThat(ADAPTER.hasPrevious(exactly)).isTrue();
    }

    @Test
    void aCursorNamesTheItemNotItsIndexSoInsertsAndDeletesMoveNothing() {
        List<String> cursors = cursors(request(100, null, true));
        String cursorOfFourth = cursors.get(3);
        Item fourth = LIST.get(3);

        // Newer items and the fourth item itself are gone; an item lands before the cursor.
        List<Item> changed = new java.util.ArrayList<>(LIST.subList(4, 10));
        changed.add(new Item(fourth.day(), fourth.id() - 1));
        changed.add(new Item(9, 99));
        changed.sort(ORDER);

        assertThat(request(changed, 2, cursorOfFourth, true).getContent()).isEqualTo(LIST.subList(4, 6));
    }

    @Test
    void pageSizesDefaultAndAreCapped() {
        assertThat(KeysetWindows.page(ScrollSubrange.create(null, null, true), 20, 100))
                .isEqualTo(new KeysetWindows.Page(true, null, 20));
        assertThat(KeysetWindows.page(ScrollSubrange.create(null, 500, false), 20, 100))
                .isEqualTo(new KeysetWindows.Page(false, null, 100));
        assertThat(KeysetWindows.page(ScrollSubrange.create(null, -1, true), 20, 100)
                        .limit())
                .isEqualTo(20);
        Window<Item> none = request(0, null, true);
        assertThat(none.getContent()).isEmpty();
        assertThat(ADAPTER.hasNext(none)).isFalse();
    }

    @Test
    void cursorsThatAreNotOursAreRefused() {
        assertThatThrownBy(() -> KeysetWindows.page(ScrollSubrange.create(ScrollPosition.offset(10), 2, true), 20, 100))
                .isInstanceOf(KeysetWindows.InvalidCursorException.class);
        assertThatThrownBy(() -> KeysetWindows.page(
                        ScrollSubrange.create(ScrollPosition.forward(Map.of("day", 1)), 2, true), 20, 100))
                .isInstanceOf(KeysetWindows.InvalidCursorException.class);
        KeysetWindows.Page other =
                KeysetWindows.page(ScrollSubrange.create(ScrollPosition.forward(Map.of("at", "x")), 2, true), 20, 100);
        assertThatThrownBy(() -> other.key("day")).isInstanceOf(KeysetWindows.InvalidCursorException.class);
    }

    @Test
    void aWindowsPositionsCarryTheKeysAndTheDirection() {
        Window<Item> backward = request(2, null, false);
        assertThat(backward.positionAt(0)).isInstanceOfSatisfying(KeysetScrollPosition.class, position -> {
            assertThat(position.scrollsBackward()).isTrue();
            assertThat(position.getKeys())
                    .containsEntry("day", "" + LIST.get(8).day())
                    .containsEntry("id", "" + LIST.get(8).id());
        });
    }

    /** One request over {@link #LIST}: {@code first}/{@code after} when forward, {@code last}/{@code before} else. */
    private static Window<Item> request(int count, String cursor, boolean forward) {
        return request(LIST, count, cursor, forward);
    }

    private static Window<Item> request(List<Item> list, int count, String cursor, boolean forward) {
        ScrollPosition position = cursor == null ? null : CURSORS.fromCursor(cursor);
        KeysetWindows.Page page = KeysetWindows.page(ScrollSubrange.create(position, count, forward), 20, 100);
        return KeysetWindows.window(
                seek(list, page), page, item -> Map.of("day", "" + item.day(), "id", "" + item.id()));
    }

    /** What {@code KeysetOrder.page} asks the database: ordered for the direction, after the cursor, one more row. */
    private static List<Item> seek(List<Item> list, KeysetWindows.Page page) {
        Comparator<Item> order = page.forward() ? ORDER : ORDER.reversed();
        Item cursor = page.keys() == null
                ? null
                : new Item(Integer.parseInt(page.key("day")), Long.parseLong(page.key("id")));
        return list.stream()
                .filter(item -> cursor == null || order.compare(item, cursor) > 0)
                .sorted(order)
                .limit(page.limit() + 1L)
                .toList();
    }

    private static List<String> cursors(Window<Item> window) {
        return IntStream.range(0, window.size())
                .mapToObj(index -> ADAPTER.cursorAt(window, index))
                .toList();
    }
}
