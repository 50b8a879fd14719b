package io.newsgraph.alert.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Objects;

/** The single `feed_cursor` row: where this service is in article-service's change feed. */
@ApplicationScoped
public class FeedCursorRepository {
    @Inject
    Jdbc jdbc;

    public String cursor() {
        return jdbc.one("SELECT cursor FROM feed_cursor WHERE id = 1", rs -> rs.getString(1))
                .orElse(null);
    }

    /** The feed position saved-search matching has reached (0: none yet): near the feed's head, where ad-hoc streams start. */
    public long lastSeq() {
        return jdbc.one("SELECT last_seq FROM feed_cursor WHERE id = 1", rs -> rs.getLong(1))
                .orElse(0L);
    }

    /** Locks the row if no other replica holds it and it still holds {@code expected}; false otherwise. */
    public boolean lockAt(String expected) {
        return jdbc.one("SELECT cursor FROM feed_cursor WHERE id = 1 FOR UPDATE SKIP LOCKED", rs ->
                        new Object[] {rs.getString(1)})
                .map(row -> Objects.equals(row[0], expected))
                .orElse(false);
    }

    public void advance(String cursor, long lastSeq) {
        jdbc.update(
                "UPDATE feed_cursor SET cursor = ?, last_seq = ?, updated_at = now() WHERE id = 1", cursor, lastSeq);
    }
}
