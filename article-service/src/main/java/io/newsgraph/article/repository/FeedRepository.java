package io.newsgraph.article.repository;

import io.newsgraph.common.sql.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The change feed (see V3__change_feed.sql for why positions come from a locked counter row). */
@ApplicationScoped
public class FeedRepository {

    @Inject
    EntityManager em;

    /**
     * Appends an event. Call it as the last statement of the transaction: the counter row stays locked until
     * commit, which is what keeps feed positions in commit order.
     */
    public long append(ChangeKind kind, UUID articleId, int version, Instant at) {
        em.flush(); // the version row must exist before the event that references it
        long seq = ((Number) em.createNativeQuery(
                "UPDATE feed_position SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq")
                .getSingleResult()).longValue();
        em.createNativeQuery("INSERT INTO article_change (seq, kind, article_id, version, occurred_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, seq)
                .setParameter(2, kind.name())
                .setParameter(3, articleId)
                .setParameter(4, version)
                .setParameter(5, Timestamp.from(at))
                .executeUpdate();
        return seq;
    }

    public List<FeedEvent> after(long seq, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT seq, kind, article_id, version, occurred_at FROM article_change WHERE seq > ?1 ORDER BY seq LIMIT ?2")
                .setParameter(1, seq)
                .setParameter(2, limit)
                .getResultList();
        return rows.stream().map(r -> new FeedEvent(((Number) r[0]).longValue(), ChangeKind.valueOf((String) r[1]),
                (UUID) r[2], ((Number) r[3]).intValue(), SqlValues.toInstant(r[4]))).toList();
    }

    public long lastSeq() {
        return ((Number) em.createNativeQuery("SELECT last_seq FROM feed_position WHERE id = 1").getSingleResult()).longValue();
    }

    public record FeedEvent(long seq, ChangeKind kind, UUID articleId, int version, Instant occurredAt) {
    }
}
