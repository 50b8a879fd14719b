package io.newsgraph.common.paging;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * One requested page of an offset-paged list: parses `cursor` and `limit`, says how many rows to fetch (one
 * more than the page, to know whether there is more), cuts and maps them, and builds the `next` link.
 */
public record OffsetPage(int offset, int limit) {

    public static OffsetPage of(String cursor, String limitParam, int defaultLimit, int maxLimit) {
        int limit = PageLimit.parse(limitParam, defaultLimit, maxLimit);
        return new OffsetPage(OffsetCursor.decode(cursor), limit);
    }

    /** Rows to read for this page. */
    public int fetch() {
        return limit + 1;
    }

    public <R, T> Slice<T> slice(List<R> fetched, Function<R, T> mapper) {
        Slice<R> rows = Slice.of(fetched, offset, limit);
        return new Slice<>(rows.items().stream().map(mapper).toList(), rows.nextCursor());
    }

    /** Link to the next page (null on the last one), keeping the request's other query parameters (name, value, …). */
    public String nextLink(Slice<?> slice, String path, String... namesAndValues) {
        if (slice.nextCursor() == null) {
            return null;
        }
        String[] all = Arrays.copyOf(namesAndValues, namesAndValues.length + 4);
        all[namesAndValues.length] = "limit";
        all[namesAndValues.length + 1] = String.valueOf(limit);
        all[namesAndValues.length + 2] = "cursor";
        all[namesAndValues.length + 3] = slice.nextCursor();
        return NextLinks.of(path, all);
    }
}
