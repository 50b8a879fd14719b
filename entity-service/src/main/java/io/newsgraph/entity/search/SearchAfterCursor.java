package io.newsgraph.entity.search;

import io.newsgraph.common.paging.CursorCodec;
import java.util.List;
import org.opensearch.client.opensearch._types.FieldValue;

/**
 * Opaque cursors of quote searches: the sort values (score, article date, quote id) of a page's last hit, which the
 * next page passes to search_after. No depth limit, and stable while documents come and go.
 */
public final class SearchAfterCursor {
    private static final String KIND = "s";

    private SearchAfterCursor() {}

    public static String encode(List<FieldValue> sort) {
        if (sort.size() != 3) {
            throw new IllegalArgumentException("quote hits sort by score, date and id, not " + sort);
        }
        return CursorCodec.encode(
                KIND,
                Double.toString(sort.get(0).doubleValue()),
                Long.toString(sort.get(1).longValue()),
                sort.get(2).stringValue());
    }

    /** The search_after values of a cursor; null when none is given; 400 problem when it is not one of these. */
    public static List<FieldValue> decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        List<String> parts = CursorCodec.decode(cursor, 4);
        if (!parts.get(0).equals(KIND)) {
            throw CursorCodec.invalid();
        }
        try {
            double score = Double.parseDouble(parts.get(1));
            if (!Double.isFinite(score)) {
                throw CursorCodec.invalid();
            }
            return List.of(
                    FieldValue.of(score), FieldValue.of(Long.parseLong(parts.get(2))), FieldValue.of(parts.get(3)));
        } catch (NumberFormatException e) {
            throw CursorCodec.invalid();
        }
    }
}
