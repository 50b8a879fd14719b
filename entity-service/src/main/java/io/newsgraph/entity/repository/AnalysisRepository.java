package io.newsgraph.entity.repository;

import io.newsgraph.common.sql.SqlValues;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsgraph.entity.extract.EntityType;
import io.newsgraph.entity.extract.Place;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The stored analysis of each article and the cross-article views built on it. */
@ApplicationScoped
public class AnalysisRepository {
    @Inject
    EntityManager em;

    /** Quarkus' configured mapper (strict settings included), not a private default one. */
    @Inject
    ObjectMapper mapper;

    public Optional<Integer> storedVersion(UUID articleId) {
        List<?> rows = em.createNativeQuery("SELECT version FROM article_analysis WHERE article_id = ?1").setParameter(1, articleId).getResultList();
        return rows.stream().findFirst().map(v -> ((Number) v).intValue());
    }

    /** Removes an article's analysis (everything hangs off article_analysis with ON DELETE CASCADE). */
    public void delete(UUID articleId) {
        em.createNativeQuery("DELETE FROM article_analysis WHERE article_id = ?1").setParameter(1, articleId).executeUpdate();
    }

    /** Replaces the analysis of an article: the previous one is deleted in the same transaction. */
    public void replace(StoredAnalysis a) {
        delete(a.articleId());
        em.createNativeQuery("""
                INSERT INTO article_analysis (article_id, version, title, published_at, analysed_at, reference_date, reference_date_source)
                VALUES (?1, ?2, ?3, ?4, now(), ?5, ?6)""")
                .setParameter(1, a.articleId()).setParameter(2, a.version()).setParameter(3, a.title())
                .setParameter(4, a.publishedAt() == null ? null : Timestamp.from(a.publishedAt()))
                .setParameter(5, a.referenceDate()).setParameter(6, a.referenceDateSource()).executeUpdate();
        for (StoredEntity e : a.entities()) {
            em.createNativeQuery("""
                    INSERT INTO article_entity (article_id, entity_id, salience, mention_count, roles) VALUES (?1, ?2, ?3, ?4, CAST(?5 AS jsonb))""")
                    .setParameter(1, a.articleId()).setParameter(2, e.entityId()).setParameter(3, e.salience())
                    .setParameter(4, e.mentions().size()).setParameter(5, json(e.roles())).executeUpdate();
            for (StoredMention m : e.mentions()) {
                em.createNativeQuery("""
                        INSERT INTO mention (article_id, entity_id, start_offset, end_offset, surface) VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT DO NOTHING""")
                        .setParameter(1, a.articleId()).setParameter(2, e.entityId()).setParameter(3, m.start()).setParameter(4, m.end())
                        .setParameter(5, m.surface()).executeUpdate();
            }
        }
        for (StoredQuote q : a.quotes()) {
            em.createNativeQuery("""
                    INSERT INTO quote (article_id, start_offset, end_offset, text, speaker_entity_id, speaker_surface, speaker_description,
                                       speaker_role, verb, kind, on_behalf_of_entity_id, confidence)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)""")
                    .setParameter(1, a.articleId()).setParameter(2, q.start()).setParameter(3, q.end()).setParameter(4, q.text())
                    .setParameter(5, q.speakerId()).setParameter(6, q.speakerSurface()).setParameter(7, q.speakerDescription())
                    .setParameter(8, q.speakerRole()).setParameter(9, q.verb()).setParameter(10, q.kind())
                    .setParameter(11, q.onBehalfOfId()).setParameter(12, q.confidence()).executeUpdate();
        }
        for (StoredClaim c : a.claims()) {
            em.createNativeQuery("""
                    INSERT INTO claim (article_id, start_offset, end_offset, surface, value, qualifier, unit, claimant_entity_id, in_quote)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                    .setParameter(1, a.articleId()).setParameter(2, c.start()).setParameter(3, c.end()).setParameter(4, c.surface())
                    .setParameter(5, c.value()).setParameter(6, c.qualifier()).setParameter(7, c.unit()).setParameter(8, c.claimantId())
                    .setParameter(9, c.inQuote()).executeUpdate();
        }
        for (StoredDate d : a.dates()) {
            em.createNativeQuery("""
                    INSERT INTO date_mention (article_id, start_offset, end_offset, surface, resolved, granularity) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                    ON CONFLICT DO NOTHING""")
                    .setParameter(1, a.articleId()).setParameter(2, d.start()).setParameter(3, d.end()).setParameter(4, d.surface())
                    .setParameter(5, d.resolved() == null ? null : java.sql.Date.valueOf(d.resolved())).setParameter(6, d.granularity())
                    .executeUpdate();
        }
    }

    /** The stored analysis of an article, entities ordered by salience. */
    public Optional<StoredAnalysis> find(UUID articleId) {
        @SuppressWarnings("unchecked")
        List<Object[]> head = em.createNativeQuery("SELECT version, title, published_at, analysed_at, reference_date, reference_date_source FROM article_analysis WHERE article_id = ?1")
                .setParameter(1, articleId).getResultList();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Object[] h = head.get(0);
        @SuppressWarnings("unchecked")
        List<Object[]> entityRows = em.createNativeQuery("""
                SELECT ae.entity_id, e.canonical_name, e.type, ae.salience, ae.roles::text, e.geonames_id, e.country_code, e.latitude, e.longitude
                FROM article_entity ae JOIN entity e ON e.id = ae.entity_id
                WHERE ae.article_id = ?1 ORDER BY ae.salience DESC, e.canonical_name""").setParameter(1, articleId).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> mentionRows = em.createNativeQuery(
                "SELECT entity_id, start_offset, end_offset, surface FROM mention WHERE article_id = ?1 ORDER BY start_offset")
                .setParameter(1, articleId).getResultList();
        List<StoredEntity> entities = new ArrayList<>();
        for (Object[] r : entityRows) {
            UUID id = (UUID) r[0];
            List<StoredMention> mentions = mentionRows.stream().filter(m -> id.equals(m[0]))
                    .map(m -> new StoredMention(((Number) m[1]).intValue(), ((Number) m[2]).intValue(), (String) m[3])).toList();
            entities.add(new StoredEntity(id, (String) r[1], EntityType.valueOf((String) r[2]), ((Number) r[3]).doubleValue(),
                    strings((String) r[4]), mentions, EntityRepository.place(r, 5)));
        }
        return Optional.of(new StoredAnalysis(articleId, ((Number) h[0]).intValue(), (String) h[1], SqlValues.toInstant(h[2]),
                SqlValues.toInstant(h[3]), entities, quotes("q.article_id = :id", articleId, 0, 10_000),
                claims("c.article_id = :id", articleId, 0, 10_000), dates(articleId), localDate(h[4]), (String) h[5]));
    }

    /** Quotes, or those of one speaker, newest articles first (words in quotes are searched in the quotes index). */
    public List<StoredQuote> quotes(UUID speaker, int offset, int limit) {
        return quotes(speaker == null ? "TRUE" : "q.speaker_entity_id = :id", speaker, offset, limit);
    }

    /**
     * The current analysis version, publication time and quotes (in text order) of each of the articles that has an
     * analysis: what the quotes index must show for them. Articles without an analysis (deleted) are absent.
     */
    public Map<UUID, ArticleQuotes> quotesOf(Collection<UUID> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> heads = em.createNativeQuery("SELECT article_id, version, published_at FROM article_analysis WHERE article_id IN (?1)")
                .setParameter(1, articleIds).getResultList();
        Map<UUID, List<StoredQuote>> quotes = new HashMap<>();
        for (StoredQuote q : quotes("q.article_id IN (:ids)", articleIds, 0, Integer.MAX_VALUE)) {
            quotes.computeIfAbsent(q.articleId(), k -> new ArrayList<>()).add(q);
        }
        Map<UUID, ArticleQuotes> result = new HashMap<>();
        for (Object[] h : heads) {
            UUID id = (UUID) h[0];
            List<StoredQuote> inOrder = new ArrayList<>(quotes.getOrDefault(id, List.of()));
            inOrder.sort(Comparator.comparingInt(StoredQuote::start).thenComparingInt(StoredQuote::end));
            result.put(id, new ArticleQuotes(id, ((Number) h[1]).intValue(), SqlValues.toInstant(h[2]), inOrder));
        }
        return result;
    }

    private List<StoredQuote> quotes(String where, Object ids, int offset, int limit) {
        var query = em.createNativeQuery("""
                SELECT q.article_id, q.start_offset, q.end_offset, q.text, q.speaker_entity_id, e.canonical_name, q.speaker_surface,
                       q.speaker_description, q.speaker_role, q.verb, q.kind, q.on_behalf_of_entity_id, b.canonical_name, q.confidence
                FROM quote q JOIN article_analysis aa ON aa.article_id = q.article_id LEFT JOIN entity e ON e.id = q.speaker_entity_id
                     LEFT JOIN entity b ON b.id = q.on_behalf_of_entity_id
                WHERE %s ORDER BY aa.published_at DESC NULLS LAST, q.article_id, q.start_offset OFFSET %d LIMIT %d"""
                .formatted(where, offset, limit));
        if (where.contains(":ids")) {
            query.setParameter("ids", ids);
        } else if (where.contains(":id")) {
            query.setParameter("id", ids);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new StoredQuote((UUID) r[0], ((Number) r[1]).intValue(), ((Number) r[2]).intValue(), (String) r[3],
                (UUID) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9], (String) r[10], (UUID) r[11],
                (String) r[12], r[13] == null ? null : ((Number) r[13]).doubleValue())).toList();
    }

    /** Claims made by an entity (or all), newest articles first. */
    public List<StoredClaim> claims(UUID claimant, int offset, int limit) {
        return claims(claimant == null ? "TRUE" : "c.claimant_entity_id = :id", claimant, offset, limit);
    }

    private List<StoredClaim> claims(String where, UUID id, int offset, int limit) {
        var query = em.createNativeQuery("""
                SELECT c.article_id, c.start_offset, c.end_offset, c.surface, c.value, c.qualifier, c.unit, c.claimant_entity_id,
                       e.canonical_name, c.in_quote
                FROM claim c JOIN article_analysis aa ON aa.article_id = c.article_id LEFT JOIN entity e ON e.id = c.claimant_entity_id
                WHERE %s ORDER BY aa.published_at DESC NULLS LAST, c.article_id, c.start_offset OFFSET %d LIMIT %d"""
                .formatted(where, offset, limit));
        if (where.contains(":id")) {
            query.setParameter("id", id);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new StoredClaim((UUID) r[0], ((Number) r[1]).intValue(), ((Number) r[2]).intValue(), (String) r[3],
                (BigDecimal) r[4], (String) r[5], (String) r[6], (UUID) r[7], (String) r[8], (Boolean) r[9])).toList();
    }

    private List<StoredDate> dates(UUID articleId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT start_offset, end_offset, surface, resolved, granularity FROM date_mention WHERE article_id = ?1 ORDER BY start_offset")
                .setParameter(1, articleId).getResultList();
        return rows.stream().map(r -> new StoredDate(((Number) r[0]).intValue(), ((Number) r[1]).intValue(), (String) r[2],
                localDate(r[3]), (String) r[4])).toList();
    }

    /** Articles mentioning an entity, newest first. */
    public List<EntityArticle> articlesOf(UUID entityId, int offset, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT aa.article_id, aa.title, aa.published_at, ae.salience, ae.mention_count
                FROM article_entity ae JOIN article_analysis aa ON aa.article_id = ae.article_id
                WHERE ae.entity_id = ?1 ORDER BY aa.published_at DESC NULLS LAST, aa.article_id OFFSET ?2 LIMIT ?3""")
                .setParameter(1, entityId).setParameter(2, offset).setParameter(3, limit).getResultList();
        return rows.stream().map(r -> new EntityArticle((UUID) r[0], (String) r[1], SqlValues.toInstant(r[2]),
                ((Number) r[3]).doubleValue(), ((Number) r[4]).intValue())).toList();
    }

    /** Entities appearing in the same articles, weighted by the number of shared articles. */
    public List<Cooccurrence> cooccurrences(UUID entityId, EntityType type, int offset, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT o.entity_id, e.canonical_name, e.type, count(*) AS weight, e.geonames_id, e.country_code, e.latitude, e.longitude
                FROM article_entity me JOIN article_entity o ON o.article_id = me.article_id AND o.entity_id <> me.entity_id
                JOIN entity e ON e.id = o.entity_id
                WHERE me.entity_id = ?1 AND (CAST(?2 AS text) IS NULL OR e.type = CAST(?2 AS text))
                GROUP BY o.entity_id, e.canonical_name, e.type, e.geonames_id, e.country_code, e.latitude, e.longitude ORDER BY weight DESC, e.canonical_name OFFSET ?3 LIMIT ?4""")
                .setParameter(1, entityId).setParameter(2, type == null ? null : type.name()).setParameter(3, offset).setParameter(4, limit)
                .getResultList();
        return rows.stream().map(r -> new Cooccurrence((UUID) r[0], (String) r[1], EntityType.valueOf((String) r[2]),
                ((Number) r[3]).longValue(), EntityRepository.place(r, 4))).toList();
    }

    private static LocalDate localDate(Object value) {
        return value == null ? null : value instanceof LocalDate ld ? ld : ((java.sql.Date) value).toLocalDate();
    }

    private String json(List<String> values) {
        try {
            return mapper.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> strings(String json) {
        try {
            return List.of(mapper.readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the quotes index shows of one article: its analysed version, publication time and quotes in text order. */
    public record ArticleQuotes(UUID articleId, int version, Instant publishedAt, List<StoredQuote> quotes) {
    }

    public record StoredAnalysis(UUID articleId, int version, String title, Instant publishedAt, Instant analysedAt,
                                 List<StoredEntity> entities, List<StoredQuote> quotes, List<StoredClaim> claims, List<StoredDate> dates,
                                 LocalDate referenceDate, String referenceDateSource) {
    }

    /** @param place the entity's place in the graph (read only here: {@link EntityRepository#link} sets it) */
    public record StoredEntity(UUID entityId, String name, EntityType type, double salience, List<String> roles, List<StoredMention> mentions,
                               Place place) {
    }

    public record StoredMention(int start, int end, String surface) {
    }

    public record StoredQuote(UUID articleId, int start, int end, String text, UUID speakerId, String speakerName, String speakerSurface,
                              String speakerDescription, String speakerRole, String verb, String kind, UUID onBehalfOfId,
                              String onBehalfOfName, Double confidence) {
    }

    public record StoredClaim(UUID articleId, int start, int end, String surface, BigDecimal value, String qualifier, String unit,
                              UUID claimantId, String claimantName, boolean inQuote) {
    }

    public record StoredDate(int start, int end, String surface, LocalDate resolved, String granularity) {
    }

    public record EntityArticle(UUID articleId, String title, Instant publishedAt, double salience, int mentionCount) {
    }

    public record Cooccurrence(UUID entityId, String name, EntityType type, long weight, Place place) {
    }
}
