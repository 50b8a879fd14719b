package io.newsgraph.common.paging;

import io.newsgraph.common.problem.FieldError;
import io.newsgraph.common.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque paging cursors: the position of the last item of a page (e.g. a timestamp and an id), encoded so
 * that clients treat it as a token. A cursor that does not decode is a client error (400), never a 500.
 */
public final class CursorCodec {
    private static final String VERSION = "v1";
    private static final char SEPARATOR = '\u001f'; // unit separator: cannot appear in the encoded parts
    private static final int MAX_LENGTH = 512;

    private CursorCodec() {}

    public static String encode(String... parts) {
        StringBuilder raw = new StringBuilder(VERSION);
        for (String part : parts) {
            if (part.indexOf(SEPARATOR) >= 0) {
                throw new IllegalArgumentException("cursor part contains the separator");
            }
            raw.append(SEPARATOR).append(part);
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor made by {@link #encode} with exactly {@code expectedParts} parts. */
    public static List<String> decode(String cursor, int expectedParts) {
        if (cursor == null || cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        List<String> parts = List.of(raw.split(String.valueOf(SEPARATOR), -1));
        if (parts.size() != expectedParts + 1 || !parts.get(0).equals(VERSION)) {
            throw invalid();
        }
        return parts.subList(1, parts.size());
    }

    public static ProblemException invalid() {
        return new ProblemException(
                400,
                "invalid-cursor",
                "Cursor is not valid",
                "The cursor was not issued by this API or is damaged; start again without it",
                List.of(new FieldError("cursor", "is not a cursor issued by this API")));
    }
}
