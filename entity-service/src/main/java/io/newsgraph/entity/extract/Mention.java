package io.newsgraph.entity.extract;

import java.util.Objects;

/**
 * A typed span found by a recognizer. Offsets are character offsets into the analysed text,
 * {@code end} exclusive.
 */
public record Mention(int start, int end, EntityType type, String surface) {

    public Mention {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(surface, "surface");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    public int length() {
        return end - start;
    }

    public boolean overlaps(Mention other) {
        return start < other.end && other.start < end;
    }
}
