package io.newsgraph.entity.repository;

import io.newsgraph.entity.client.ArticleFeedPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The feed cursor and the extraction job table (see V1__feed_consumption.sql). */
@ApplicationScoped
public class JobRepository {

    @Inject
    EntityManager em;

    /** The feed cursor (null: from the beginning). */
    public String cursor() {
        return (String) em.createNativeQuery("SELECT cursor FROM feed_cursor WHERE id = 1")
                .getSingleResult();
    }

    /**
     * Locks the cursor row for this transaction if it still holds {@code expected}; false when another
     * replica holds the lock or has moved the cursor on meanwhile.
     */
    public boolean lockCursorAt(String expected) {
        List<?> rows = em.createNativeQuery("SELECT cursor FROM feed_cursor WHERE id = 1 FOR UPDATE SKIP LOCKED")
                .getResultList();
        return !rows.isEmpty() && java.util.Objects.equals(rows.get(0), expected);
    }

    public void advanceCursor(String cursor, long lastSeq) {
        em.createNativeQuery(
                        "UPDATE feed_cursor SET cursor = ?1, last_seq = GREATEST(last_seq, ?2), updated_at = now() WHERE id = 1")
                .setParameter(1, cursor)
                .setParameter(2, lastSeq)
                .executeUpdate();
    }

    /** One job per event; an event seen again (replay after a crash) changes nothing. */
    public void enqueue(List<ArticleFeedPage.Event> events) {
        for (ArticleFeedPage.Event e : events) {
            em.createNativeQuery("""
                    INSERT INTO extraction_job (article_id, version, kind, seq, traceparent) VALUES (?1, ?2, ?3, ?4, ?5)
                    ON CONFLICT (article_id, version) DO NOTHING""")
                    .setParameter(1, e.articleId())
                    .setParameter(2, e.version())
                    .setParameter(3, e.kind())
                    .setParameter(4, e.seq())
                    .setParameter(5, e.traceparent())
                    .executeUpdate();
        }
    }

    /** The oldest due job, locked for this transaction; other workers skip it. */
    public Optional<Job> claimNext() {
        return Row.first(em.createNativeQuery("""
                SELECT article_id, version, kind, seq, attempts, traceparent FROM extraction_job
                WHERE state = 'PENDING' AND next_attempt_at <= now()
                ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED""", Tuple.class))
                .map(r -> new Job(
                        r.uuid("article_id"),
                        r.integer("version"),
                        r.text("kind"),
                        r.count("seq"),
                        r.integer("attempts"),
                        r.text("traceparent")));
    }

    /** Whether a later version (or delete) of the same article is known: this job's result would be stale. */
    public boolean hasLaterVersion(Job job) {
        return !em.createNativeQuery("SELECT 1 FROM extraction_job WHERE article_id = ?1 AND version > ?2 LIMIT 1")
                .setParameter(1, job.articleId())
                .setParameter(2, job.version())
                .getResultList()
                .isEmpty();
    }

    public void finish(Job job, String state) {
        em.createNativeQuery(
                        "UPDATE extraction_job SET state = ?3, finished_at = now(), last_error = NULL WHERE article_id = ?1 AND version = ?2")
                .setParameter(1, job.articleId())
                .setParameter(2, job.version())
                .setParameter(3, state)
                .executeUpdate();
    }

    /** Counts a failed attempt: retried after an exponential backoff, parked after {@code maxAttempts}. */
    public void recordFailure(Job job, String error, int maxAttempts, Duration backoff, boolean permanent) {
        int attempts = job.attempts() + 1;
        boolean park = permanent || attempts >= maxAttempts;
        long delayMillis = backoff.toMillis() * (1L << Math.min(attempts - 1, 16));
        em.createNativeQuery("""
                UPDATE extraction_job SET attempts = ?3, state = ?4, last_error = ?5, next_attempt_at = ?6
                WHERE article_id = ?1 AND version = ?2 AND state = 'PENDING'""")
                .setParameter(1, job.articleId())
                .setParameter(2, job.version())
                .setParameter(3, attempts)
                .setParameter(4, park ? "PARKED" : "PENDING")
                .setParameter(5, error.length() > 2000 ? error.substring(0, 2000) : error)
                .setParameter(6, java.sql.Timestamp.from(Instant.now().plusMillis(delayMillis)))
                .executeUpdate();
    }

    /** Pending and parked counts, age of the oldest pending job, feed position reached. */
    public Backlog backlog() {
        Row r = Row.single(em.createNativeQuery("""
                SELECT count(*) FILTER (WHERE state = 'PENDING') AS pending,
                       count(*) FILTER (WHERE state = 'PARKED') AS parked,
                       count(*) FILTER (WHERE state = 'DONE') AS done,
                       EXTRACT(EPOCH FROM now() - min(created_at) FILTER (WHERE state = 'PENDING')) AS oldest_seconds,
                       (SELECT last_seq FROM feed_cursor WHERE id = 1) AS feed_seq
                FROM extraction_job""", Tuple.class));
        return new Backlog(
                r.count("pending"),
                r.count("parked"),
                r.count("done"),
                r.decimalOrZero("oldest_seconds"),
                r.count("feed_seq"));
    }

    public List<ParkedJob> parked(int limit) {
        return Row.all(em.createNativeQuery("""
                SELECT article_id, version, kind, attempts, last_error, created_at FROM extraction_job
                WHERE state = 'PARKED' ORDER BY seq LIMIT ?1""", Tuple.class).setParameter(1, limit)).stream()
                .map(r -> new ParkedJob(
                        r.uuid("article_id"),
                        r.integer("version"),
                        r.text("kind"),
                        r.integer("attempts"),
                        r.text("last_error"),
                        r.instant("created_at")))
                .toList();
    }

    /** {@code traceparent}: trace context of the article-service write behind the job (null when untraced). */
    public record Job(UUID articleId, int version, String kind, long seq, int attempts, String traceparent) {}

    public record Backlog(long pending, long parked, long done, double oldestPendingSeconds, long feedSeq) {}

    public record ParkedJob(
            UUID articleId, int version, String kind, int attempts, String lastError, Instant createdAt) {}
}
