package io.newsgraph.alert.repository;

import io.newsgraph.alert.repository.Jdbc.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The `subscription_match` table: every match, recorded before it is delivered. */
@ApplicationScoped
public class MatchRepository {
    private static final String COLUMNS =
            "id, subscription_id, article_id, article_version, payload::text AS payload, event_time, matched_at";

    @Inject
    Jdbc jdbc;

    /** Records a match; empty when this subscription already matched this article version (a replayed feed event). */
    public Optional<Long> insert(
            UUID subscriptionId, UUID articleId, int version, long feedSeq, Instant eventTime, String payload) {
        return jdbc.one(
                """
                INSERT INTO subscription_match (subscription_id, article_id, article_version, feed_seq, event_time, payload)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT ON CONSTRAINT subscription_match_once_uq DO NOTHING
                RETURNING id""", rs -> rs.getLong(1), subscriptionId, articleId, version, feedSeq, eventTime, new Json(payload));
    }

    /** A subscription's matches, newest first, before match id {@code before} (null: from the newest). */
    public List<Match> newest(UUID subscriptionId, Long before, int limit) {
        return jdbc.list(
                "SELECT " + COLUMNS
                        + " FROM subscription_match WHERE subscription_id = ? AND id < ? ORDER BY id DESC LIMIT ?",
                MatchRepository::row,
                subscriptionId,
                before == null ? Long.MAX_VALUE : before,
                limit);
    }

    /** A subscription's matches after match id {@code after}, oldest first (an event stream resuming). */
    public List<Match> after(UUID subscriptionId, long after, int limit) {
        return jdbc.list(
                "SELECT " + COLUMNS
                        + " FROM subscription_match WHERE subscription_id = ? AND id > ? ORDER BY id LIMIT ?",
                MatchRepository::row,
                subscriptionId,
                after,
                limit);
    }

    /** The newest match id of a subscription (0: none): where a stream without Last-Event-ID starts. */
    public long lastId(UUID subscriptionId) {
        return jdbc.one(
                        "SELECT coalesce(max(id), 0) FROM subscription_match WHERE subscription_id = ?",
                        rs -> rs.getLong(1),
                        subscriptionId)
                .orElse(0L);
    }

    /** These matches by id; deleted ones (their subscription with them) are absent. */
    public Map<Long, Match> byIds(Collection<Long> ids) {
        return jdbc
                .list("SELECT " + COLUMNS + " FROM subscription_match WHERE id = ANY(?)", MatchRepository::row, (Object)
                        ids.toArray(Long[]::new))
                .stream()
                .collect(Collectors.toMap(Match::id, m -> m));
    }

    private static Match row(ResultSet rs) throws SQLException {
        return new Match(
                rs.getLong("id"),
                rs.getObject("subscription_id", UUID.class),
                rs.getObject("article_id", UUID.class),
                rs.getInt("article_version"),
                rs.getString("payload"),
                Jdbc.instant(rs, "event_time"),
                Jdbc.instant(rs, "matched_at"));
    }

    /** One match; {@code payload} is the event's JSON text. */
    public record Match(
            long id,
            UUID subscriptionId,
            UUID articleId,
            int articleVersion,
            String payload,
            Instant eventTime,
            Instant matchedAt) {}
}
