package io.newsgraph.article.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsgraph.article.repository.EntitySummary.SummaryEntity;
import io.newsgraph.article.repository.EntitySummary.SummarySpeaker;
import io.newsgraph.common.sql.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What the search projection reads and keeps in PostgreSQL: documents, entity summaries, the indexer's cursor. */
@ApplicationScoped
public class SearchProjectionRepository {
    /** Ids a representative lists; larger groups still count every member. */
    static final int MAX_LISTED_DUPLICATES = 100;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    /** The documents of these articles as stored now; deleted and unknown ids are absent from the map. */
    public Map<UUID, ArticleDocument> documents(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT a.id, a.version, a.title, a.body, a.author, a.source, a.language, a.dateline, a.published_at, a.created_at,
                       a.duplicate_key, s.entities::text, s.speakers::text, array_to_string(s.countries, ',')
                FROM article a LEFT JOIN article_entity_summary s ON s.article_id = a.id
                WHERE a.id = ANY(?1) AND a.deleted_at IS NULL""")
                .setParameter(1, ids.toArray(UUID[]::new))
                .getResultList();
        Map<String, List<UUID>> groups =
                groups(rows.stream().map(r -> (String) r[10]).distinct().toList());
        Map<UUID, ArticleDocument> documents = new LinkedHashMap<>();
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            Instant published = SqlValues.toInstant(r[8]);
            Instant stored = SqlValues.toInstant(r[9]);
            List<SummaryEntity> entities =
                    r[11] == null ? List.of() : List.of(read((String) r[11], SummaryEntity[].class));
            List<SummarySpeaker> speakers =
                    r[12] == null ? List.of() : List.of(read((String) r[12], SummarySpeaker[].class));
            List<String> countries = r[13] == null || ((String) r[13]).isEmpty()
                    ? List.of()
                    : Arrays.asList(((String) r[13]).split(","));
            List<UUID> group = groups.getOrDefault((String) r[10], List.of(id));
            boolean representative = group.get(0).equals(id);
            List<UUID> others =
                    representative ? group.subList(1, Math.min(group.size(), MAX_LISTED_DUPLICATES + 1)) : List.of();
            documents.put(
                    id,
                    new ArticleDocument(
                            id,
                            ((Number) r[1]).intValue(),
                            (String) r[2],
                            (String) r[3],
                            (String) r[4],
                            (String) r[5],
                            (String) r[6],
                            (String) r[7],
                            published,
                            stored,
                            published != null ? published : stored,
                            entities,
                            entities.stream().map(SummaryEntity::id).distinct().toList(),
                            entities.stream()
                                    .map(SummaryEntity::type)
                                    .distinct()
                                    .toList(),
                            entities.stream()
                                    .map(e -> e.type()
                                            + ArticleDocument.KEY_SEPARATOR
                                            + e.id()
                                            + ArticleDocument.KEY_SEPARATOR
                                            + e.name())
                                    .distinct()
                                    .toList(),
                            speakers.stream().map(SummarySpeaker::id).distinct().toList(),
                            countries,
                            (String) r[10],
                            representative,
                            List.copyOf(others)));
        }
        return documents;
    }

    /** The live members of these near-duplicate groups, first stored first. */
    public Map<String, List<UUID>> groups(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT duplicate_key, id FROM article WHERE duplicate_key = ANY(?1) AND deleted_at IS NULL ORDER BY listing_seq""")
                .setParameter(1, keys.toArray(String[]::new))
                .getResultList();
        Map<String, List<UUID>> groups = new HashMap<>();
        rows.forEach(r ->
                groups.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((UUID) r[1]));
        return groups;
    }

    /** Ids of live articles after {@code afterId} in id order, for a rebuild to page through all of them. */
    @SuppressWarnings("unchecked")
    public List<UUID> liveIdsAfter(UUID afterId, int limit) {
        return em.createNativeQuery("SELECT id FROM article WHERE deleted_at IS NULL AND id > ?1 ORDER BY id LIMIT ?2")
                .setParameter(
                        1,
                        afterId == null
                                ? new UUID(0, 0)
                                : afterId) // PostgreSQL orders uuids as unsigned bytes: nil is the least
                .setParameter(2, limit)
                .getResultList();
    }

    /** The version a stored summary was made of and its entities. */
    public record StoredSummary(int version, List<SummaryEntity> entities) {}

    /** The stored summary of an article; empty when there is none yet. */
    public Optional<StoredSummary> storedSummary(UUID articleId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT version, entities::text FROM article_entity_summary WHERE article_id = ?1")
                .setParameter(1, articleId)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new StoredSummary(
                        ((Number) r[0]).intValue(), List.of(read((String) r[1], SummaryEntity[].class))));
    }

    public void saveSummary(UUID articleId, EntitySummary summary, Instant at) {
        em.createNativeQuery("""
                INSERT INTO article_entity_summary (article_id, version, entities, speakers, countries, updated_at)
                VALUES (?1, ?2, CAST(?3 AS jsonb), CAST(?4 AS jsonb), string_to_array(?5, ','), ?6)
                ON CONFLICT (article_id) DO UPDATE SET version = EXCLUDED.version, entities = EXCLUDED.entities,
                    speakers = EXCLUDED.speakers, countries = EXCLUDED.countries, updated_at = EXCLUDED.updated_at""")
                .setParameter(1, articleId)
                .setParameter(2, summary.version())
                .setParameter(3, write(summary.entities()))
                .setParameter(4, write(summary.speakers()))
                .setParameter(5, String.join(",", summary.countries()))
                .setParameter(6, Timestamp.from(at))
                .executeUpdate();
    }

    /** The indexer's feed position for {@code alias}, locked until the transaction ends; empty when another replica holds it. */
    public Optional<Long> lockCursor(String alias) {
        em.createNativeQuery(
                        "INSERT INTO search_index_cursor (alias, last_seq) VALUES (?1, 0) ON CONFLICT (alias) DO NOTHING")
                .setParameter(1, alias)
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<Number> seqs = em.createNativeQuery(
                        "SELECT last_seq FROM search_index_cursor WHERE alias = ?1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, alias)
                .getResultList();
        return seqs.stream().findFirst().map(Number::longValue);
    }

    /** The position, waiting for a replica that holds it (a rebuild's final catch-up must not run beside the indexer). */
    public long lockCursorWaiting(String alias) {
        lockCursor(alias);
        return ((Number) em.createNativeQuery("SELECT last_seq FROM search_index_cursor WHERE alias = ?1 FOR UPDATE")
                        .setParameter(1, alias)
                        .getSingleResult())
                .longValue();
    }

    public void moveCursor(String alias, long seq) {
        em.createNativeQuery("UPDATE search_index_cursor SET last_seq = ?2 WHERE alias = ?1")
                .setParameter(1, alias)
                .setParameter(2, seq)
                .executeUpdate();
    }

    public long cursor(String alias) {
        @SuppressWarnings("unchecked")
        List<Number> seqs = em.createNativeQuery("SELECT last_seq FROM search_index_cursor WHERE alias = ?1")
                .setParameter(1, alias)
                .getResultList();
        return seqs.stream().findFirst().map(Number::longValue).orElse(0L);
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("entity summary column holds no " + type.getSimpleName(), e);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
