package io.newsgraph.common.paging;

import java.util.List;

/**
 * Cursors over ranked or aggregated lists, where the position is an offset (search hits, graph edges).
 * Bounded so that a client cannot make the database skip arbitrarily many rows.
 */
public final class OffsetCursor {
    public static final int MAX_OFFSET = 10_000;
    private static final String KIND = "o";

    private OffsetCursor() {}

    /** The offset a cursor stands for; 0 for none. */
    public static int decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        List<String> parts = CursorCodec.decode(cursor, 2);
        if (!parts.get(0).equals(KIND)) {
            throw CursorCodec.invalid();
        }
        try {
            int offset = Integer.parseInt(parts.get(1));
            if (offset < 0 || offset > MAX_OFFSET) {
                throw CursorCodec.invalid();
            }
            return offset;
        } catch (NumberFormatException e) {
            throw CursorCodec.invalid();
        }
    }

    /** The cursor of the page after one that started at {@code offset}, or null when that page was the last. */
    public static String next(int offset, int limit, boolean more) {
        return more && offset + limit <= MAX_OFFSET ? CursorCodec.encode(KIND, String.valueOf(offset + limit)) : null;
    }
}
