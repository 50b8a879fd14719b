package io.newsgraph.entity.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The entity summary outbox (V7__entity_summary_outbox.sql): analyses article-service has not stored yet. */
@ApplicationScoped
public class SummaryOutboxRepository {

    @Inject
    EntityManager em;

    /** A push of this version's summary is due (caller's transaction); replaces a pending or parked push of an older version. */
    public void due(UUID articleId, int version) {
        em.createNativeQuery("""
                INSERT INTO entity_summary_outbox (article_id, version) VALUES (?1, ?2)
                ON CONFLICT (article_id) DO UPDATE SET version = EXCLUDED.version, state = 'PENDING', attempts = 0,
                    next_attempt_at = now(), last_error = NULL
                WHERE entity_summary_outbox.version <= EXCLUDED.version""")
                .setParameter(1, articleId)
                .setParameter(2, version)
                .executeUpdate();
    }

    /** A push for every article that mentions the entity (a merge changes their summaries). */
    public void dueForEntity(UUID entityId) {
        em.createNativeQuery("""
                INSERT INTO entity_summary_outbox (article_id, version)
                SELECT aa.article_id, aa.version FROM article_analysis aa
                WHERE EXISTS (SELECT 1 FROM article_entity ae WHERE ae.article_id = aa.article_id AND ae.entity_id = ?1)
                   OR EXISTS (SELECT 1 FROM quote q WHERE q.article_id = aa.article_id AND q.speaker_entity_id = ?1)
                ON CONFLICT (article_id) DO UPDATE SET state = 'PENDING', attempts = 0, next_attempt_at = now(), last_error = NULL""").setParameter(1, entityId).executeUpdate();
    }

    /**
     * Claims up to {@code limit} due pushes: they are leased for {@code lease} (not due for anyone else meanwhile), so the
     * HTTP call runs outside any transaction and a pusher that dies mid-way only delays them.
     */
    public List<Push> claim(int limit, Duration lease) {
        return Row.all(em.createNativeQuery("""
                UPDATE entity_summary_outbox SET next_attempt_at = ?2
                WHERE article_id IN (SELECT article_id FROM entity_summary_outbox WHERE state = 'PENDING' AND next_attempt_at <= now()
                                     ORDER BY next_attempt_at LIMIT ?1 FOR UPDATE SKIP LOCKED)
                RETURNING article_id, version, attempts""", Tuple.class)
                        .setParameter(1, limit)
                        .setParameter(2, Timestamp.from(Instant.now().plus(lease))))
                .stream()
                .map(r -> new Push(r.uuid("article_id"), r.integer("version"), r.integer("attempts")))
                .toList();
    }

    /** Done (stored, or nothing to store any more), unless a newer version became due meanwhile. */
    public void done(Push push) {
        em.createNativeQuery("DELETE FROM entity_summary_outbox WHERE article_id = ?1 AND version = ?2")
                .setParameter(1, push.articleId())
                .setParameter(2, push.version())
                .executeUpdate();
    }

    /** A failed attempt: due again after an exponential backoff (capped), or parked for good. */
    public void failed(Push push, String error, Duration backoff, Duration maxBackoff, boolean park) {
        int attempts = push.attempts() + 1;
        long delay = Math.min(maxBackoff.toMillis(), backoff.toMillis() * (1L << Math.min(attempts - 1, 20)));
        em.createNativeQuery("""
                UPDATE entity_summary_outbox SET attempts = ?3, state = ?4, last_error = ?5, next_attempt_at = ?6
                WHERE article_id = ?1 AND version = ?2""")
                .setParameter(1, push.articleId())
                .setParameter(2, push.version())
                .setParameter(3, attempts)
                .setParameter(4, park ? "PARKED" : "PENDING")
                .setParameter(5, error.length() > 2000 ? error.substring(0, 2000) : error)
                .setParameter(6, Timestamp.from(Instant.now().plusMillis(delay)))
                .executeUpdate();
    }

    /** Pending and parked pushes, age of the oldest pending one. */
    public Backlog backlog() {
        Row r = Row.single(em.createNativeQuery("""
                SELECT count(*) FILTER (WHERE state = 'PENDING') AS pending, count(*) FILTER (WHERE state = 'PARKED') AS parked,
                       EXTRACT(EPOCH FROM now() - min(created_at) FILTER (WHERE state = 'PENDING')) AS oldest_seconds
                FROM entity_summary_outbox""", Tuple.class));
        return new Backlog(r.count("pending"), r.count("parked"), r.decimalOrZero("oldest_seconds"));
    }

    public record Push(UUID articleId, int version, int attempts) {}

    public record Backlog(long pending, long parked, double oldestPendingSeconds) {}
}
