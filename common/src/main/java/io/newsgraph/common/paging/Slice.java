package io.newsgraph.common.paging;

import java.util.List;

/** One page of an offset-paged list, read with one row more than the page so that "is there more" is known. */
public record Slice<T>(List<T> items, String nextCursor) {

    /** {@code fetched}: up to {@code limit + 1} rows starting at {@code offset}. */
    public static <T> Slice<T> of(List<T> fetched, int offset, int limit) {
        boolean more = fetched.size() > limit;
        return new Slice<>(
                List.copyOf(fetched.subList(0, Math.min(limit, fetched.size()))),
                OffsetCursor.next(offset, limit, more));
    }
}
