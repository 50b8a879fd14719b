package io.newsgraph.article.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsgraph.common.sql.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The change feed (see V3__change_feed.sql for why positions come from a locked counter row). */
@ApplicationScoped
public class FeedRepository {
    @Inject
    EntityManager em;

    /** Quarkus' configured mapper (strict settings included), not a private default one. */
    @Inject
    ObjectMapper mapper;

    /**
     * Appends an event. Call it as the last statement of the transaction: the counter row stays locked until
     * commit, which is what keeps feed positions in commit order. {@code traceparent}: the writing request's trace
     * context (null when untraced), for consumers to link their processing of the event to it.
     */
    public long append(ChangeKind kind, UUID articleId, int version, Instant at, String traceparent) {
        em.flush(); // the version row must exist before the event that references it
        long seq = ((Number) em.createNativeQuery(
                                "UPDATE feed_position SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq")
                        .getSingleResult())
                .longValue();
        em.createNativeQuery(
                        "INSERT INTO article_change (seq, kind, article_id, version, occurred_at, traceparent) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, seq)
                .setParameter(2, kind.name())
                .setParameter(3, articleId)
                .setParameter(4, version)
                .setParameter(5, Timestamp.from(at))
                .setParameter(6, traceparent)
                .executeUpdate();
        return seq;
    }

    /** Events after {@code seq}, each with the wire metadata of the version it produced (a key lookup per event). */
    public List<FeedEvent> after(long seq, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT c.seq, c.kind, c.article_id, c.version, c.occurred_at, v.dateline_text, v.captions::text, v.byline_date, c.traceparent
                FROM article_change c JOIN article_version v ON v.article_id = c.article_id AND v.version = c.version
                WHERE c.seq > ?1 ORDER BY c.seq LIMIT ?2""")
                .setParameter(1, seq)
                .setParameter(2, limit)
                .getResultList();
        return rows.stream()
                .map(r -> new FeedEvent(
                        ((Number) r[0]).longValue(),
                        ChangeKind.valueOf((String) r[1]),
                        (UUID) r[2],
                        ((Number) r[3]).intValue(),
                        SqlValues.toInstant(r[4]),
                        (String) r[5],
                        captions((String) r[6]),
                        toLocalDate(r[7]),
                        (String) r[8]))
                .toList();
    }

    private List<StoredCaption> captions(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return List.of(mapper.readValue(json, StoredCaption[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("captions column holds no caption list", e);
        }
    }

    private static LocalDate toLocalDate(Object value) {
        return switch (value) {
            case null -> null;
            case LocalDate d -> d;
            case java.sql.Date d -> d.toLocalDate();
            default -> LocalDate.parse(value.toString());
        };
    }

    /** Which articles changed after {@code seq}, in feed order (the search indexer's input: it reads their current state). */
    public List<Change> changesAfter(long seq, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT seq, article_id FROM article_change WHERE seq > ?1 ORDER BY seq LIMIT ?2")
                .setParameter(1, seq)
                .setParameter(2, limit)
                .getResultList();
        return rows.stream()
                .map(r -> new Change(((Number) r[0]).longValue(), (UUID) r[1]))
                .toList();
    }

    public record Change(long seq, UUID articleId) {}

    /** When the first change after {@code seq} happened; empty when there is none. */
    public Optional<Instant> occurredAfter(long seq) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery(
                        "SELECT occurred_at FROM article_change WHERE seq > ?1 ORDER BY seq LIMIT 1")
                .setParameter(1, seq)
                .getResultList();
        return rows.stream().findFirst().map(SqlValues::toInstant);
    }

    public long lastSeq() {
        return ((Number) em.createNativeQuery("SELECT last_seq FROM feed_position WHERE id = 1")
                        .getSingleResult())
                .longValue();
    }

    /**
     * One change; {@code datelineText}, {@code captions}, {@code bylineDate} are those of the version it produced,
     * {@code traceparent} the trace context of the write (null when untraced).
     */
    public record FeedEvent(
            long seq,
            ChangeKind kind,
            UUID articleId,
            int version,
            Instant occurredAt,
            String datelineText,
            List<StoredCaption> captions,
            LocalDate bylineDate,
            String traceparent) {}
}
