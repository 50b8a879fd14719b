package io.newsgraph.entity.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsgraph.entity.extract.EntityType;
import io.newsgraph.entity.extract.Place;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
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
import org.hibernate.Session;

/** The stored analysis of each article and the cross-article views built on it. */
@ApplicationScoped
public class AnalysisRepository {
    @Inject
    EntityManager em;

    /** Quarkus' configured mapper (strict settings included), not a private default one. */
    @Inject
    ObjectMapper mapper;

    public Optional<Integer> storedVersion(UUID articleId) {
        return Row.first(em.createNativeQuery("SELECT version FROM article_analysis WHERE article_id = ?1", Tuple.class)
                        .setParameter(1, articleId))
                .map(r -> r.integer("version"));
    }

    /** Removes an article's analysis (everything hangs off article_analysis with ON DELETE CASCADE). */
    public void delete(UUID articleId) {
        em.createNativeQuery("DELETE FROM article_analysis WHERE article_id = ?1")
                .setParameter(1, articleId)
                .executeUpdate();
    }

    /**
     * Replaces the analysis of an article: the previous one is deleted in the same transaction. The rows of each table
     * go in one JDBC batch (a statement per table, not per row).
     */
    public void replace(StoredAnalysis a) {
        delete(a.articleId());
        em.createNativeQuery("""
                INSERT INTO article_analysis (article_id, version, title, published_at, analysed_at, reference_date, reference_date_source)
                VALUES (?1, ?2, ?3, ?4, now(), ?5, ?6)""")
                .setParameter(1, a.articleId())
                .setParameter(2, a.version())
                .setParameter(3, a.title())
                .setParameter(4, a.publishedAt() == null ? null : Timestamp.from(a.publishedAt()))
                .setParameter(5, a.referenceDate())
                .setParameter(6, a.referenceDateSource())
                .executeUpdate();
        UUID article = a.articleId();
        List<Object[]> mentions = a.entities().stream()
                .flatMap(e -> e.mentions().stream()
                        .map(m -> new Object[] {article, e.entityId(), m.start(), m.end(), m.surface()}))
                .toList();
        em.unwrap(Session.class).doWork(connection -> {
            Batches.insert(
                    connection,
                    "INSERT INTO article_entity (article_id, entity_id, salience, mention_count, roles) VALUES (?, ?, ?, ?, CAST(? AS jsonb))",
                    a.entities().stream()
                            .map(e -> new Object[] {
                                article,
                                e.entityId(),
                                e.salience(),
                                e.mentions().size(),
                                json(e.roles())
                            })
                            .toList());
            Batches.insert(
                    connection,
                    "INSERT INTO mention (article_id, entity_id, start_offset, end_offset, surface) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    mentions);
            Batches.insert(
                    connection,
                    """
                    INSERT INTO quote (article_id, start_offset, end_offset, text, speaker_entity_id, speaker_surface, speaker_description,
                                       speaker_role, verb, kind, on_behalf_of_entity_id, confidence)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    a.quotes().stream()
                            .map(q -> new Object[] {
                                article,
                                q.start(),
                                q.end(),
                                q.text(),
                                q.speakerId(),
                                q.speakerSurface(),
                                q.speakerDescription(),
                                q.speakerRole(),
                                q.verb(),
                                q.kind(),
                                q.onBehalfOfId(),
                                q.confidence()
                            })
                            .toList());
            Batches.insert(
                    connection,
                    """
                    INSERT INTO claim (article_id, start_offset, end_offset, surface, value, qualifier, unit, claimant_entity_id, in_quote)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    a.claims().stream()
                            .map(c -> new Object[] {
                                article,
                                c.start(),
                                c.end(),
                                c.surface(),
                                c.value(),
                                c.qualifier(),
                                c.unit(),
                                c.claimantId(),
                                c.inQuote()
                            })
                            .toList());
            Batches.insert(
                    connection,
                    """
                    INSERT INTO date_mention (article_id, start_offset, end_offset, surface, resolved, granularity) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""",
                    a.dates().stream()
                            .map(d -> new Object[] {
                                article, d.start(), d.end(), d.surface(), d.resolved(), d.granularity()
                            })
                            .toList());
        });
    }

    /** The stored analysis of an article, entities ordered by salience. */
    public Optional<StoredAnalysis> find(UUID articleId) {
        Optional<Row> head = Row.first(em.createNativeQuery("""
                SELECT version, title, published_at, analysed_at, reference_date, reference_date_source
                FROM article_analysis WHERE article_id = ?1""", Tuple.class).setParameter(1, articleId));
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Row h = head.get();
        List<Row> entityRows = Row.all(em.createNativeQuery("""
                SELECT ae.entity_id, e.canonical_name, e.type, ae.salience, ae.roles::text AS roles, %s
                FROM article_entity ae JOIN entity e ON e.id = ae.entity_id
                WHERE ae.article_id = ?1 ORDER BY ae.salience DESC, e.canonical_name""".formatted(Row.placeColumns("e")), Tuple.class)
                .setParameter(1, articleId));
        List<Row> mentionRows = Row.all(em.createNativeQuery(
                        "SELECT entity_id, start_offset, end_offset, surface FROM mention WHERE article_id = ?1 ORDER BY start_offset",
                        Tuple.class)
                .setParameter(1, articleId));
        List<StoredEntity> entities = new ArrayList<>();
        for (Row r : entityRows) {
            UUID id = r.uuid("entity_id");
            List<StoredMention> mentions = mentionRows.stream()
                    .filter(m -> id.equals(m.uuid("entity_id")))
                    .map(m -> new StoredMention(m.integer("start_offset"), m.integer("end_offset"), m.text("surface")))
                    .toList();
            entities.add(new StoredEntity(
                    id,
                    r.text("canonical_name"),
                    r.type("type"),
                    r.decimal("salience"),
                    strings(r.text("roles")),
                    mentions,
                    r.place()));
        }
        return Optional.of(new StoredAnalysis(
                articleId,
                h.integer("version"),
                h.text("title"),
                h.instant("published_at"),
                h.instant("analysed_at"),
                entities,
                quotes("q.article_id = :id", articleId, 0, 10_000),
                claims("c.article_id = :id", articleId, 0, 10_000),
                dates(articleId),
                h.date("reference_date"),
                h.text("reference_date_source")));
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
        List<Row> heads = Row.all(em.createNativeQuery(
                        "SELECT article_id, version, published_at FROM article_analysis WHERE article_id IN (?1)",
                        Tuple.class)
                .setParameter(1, articleIds));
        Map<UUID, List<StoredQuote>> quotes = new HashMap<>();
        for (StoredQuote q : quotes("q.article_id IN (:ids)", articleIds, 0, Integer.MAX_VALUE)) {
            quotes.computeIfAbsent(q.articleId(), k -> new ArrayList<>()).add(q);
        }
        Map<UUID, ArticleQuotes> result = new HashMap<>();
        for (Row h : heads) {
            UUID id = h.uuid("article_id");
            List<StoredQuote> inOrder = new ArrayList<>(quotes.getOrDefault(id, List.of()));
            inOrder.sort(Comparator.comparingInt(StoredQuote::start).thenComparingInt(StoredQuote::end));
            result.put(id, new ArticleQuotes(id, h.integer("version"), h.instant("published_at"), inOrder));
        }
        return result;
    }

    private List<StoredQuote> quotes(String where, Object ids, int offset, int limit) {
        var query = em.createNativeQuery("""
                SELECT q.article_id, q.start_offset, q.end_offset, q.text, q.speaker_entity_id, e.canonical_name AS speaker_name,
                       q.speaker_surface, q.speaker_description, q.speaker_role, q.verb, q.kind, q.on_behalf_of_entity_id,
                       b.canonical_name AS on_behalf_of_name, q.confidence
                FROM quote q JOIN article_analysis aa ON aa.article_id = q.article_id LEFT JOIN entity e ON e.id = q.speaker_entity_id
                     LEFT JOIN entity b ON b.id = q.on_behalf_of_entity_id
                WHERE %s ORDER BY aa.published_at DESC NULLS LAST, q.article_id, q.start_offset OFFSET %d LIMIT %d""".formatted(where, offset, limit), Tuple.class);
        if (where.contains(":ids")) {
            query.setParameter("ids", ids);
        } else if (where.contains(":id")) {
            query.setParameter("id", ids);
        }
        return Row.all(query).stream()
                .map(r -> new StoredQuote(
                        r.uuid("article_id"),
                        r.integer("start_offset"),
                        r.integer("end_offset"),
                        r.text("text"),
                        r.uuid("speaker_entity_id"),
                        r.text("speaker_name"),
                        r.text("speaker_surface"),
                        r.text("speaker_description"),
                        r.text("speaker_role"),
                        r.text("verb"),
                        r.text("kind"),
                        r.uuid("on_behalf_of_entity_id"),
                        r.text("on_behalf_of_name"),
                        r.decimalOrNull("confidence")))
                .toList();
    }

    /** Claims made by an entity (or all), newest articles first. */
    public List<StoredClaim> claims(UUID claimant, int offset, int limit) {
        return claims(claimant == null ? "TRUE" : "c.claimant_entity_id = :id", claimant, offset, limit);
    }

    private List<StoredClaim> claims(String where, UUID id, int offset, int limit) {
        var query = em.createNativeQuery("""
                SELECT c.article_id, c.start_offset, c.end_offset, c.surface, c.value, c.qualifier, c.unit, c.claimant_entity_id,
                       e.canonical_name AS claimant_name, c.in_quote
                FROM claim c JOIN article_analysis aa ON aa.article_id = c.article_id LEFT JOIN entity e ON e.id = c.claimant_entity_id
                WHERE %s ORDER BY aa.published_at DESC NULLS LAST, c.article_id, c.start_offset OFFSET %d LIMIT %d""".formatted(where, offset, limit), Tuple.class);
        if (where.contains(":id")) {
            query.setParameter("id", id);
        }
        return Row.all(query).stream()
                .map(r -> new StoredClaim(
                        r.uuid("article_id"),
                        r.integer("start_offset"),
                        r.integer("end_offset"),
                        r.text("surface"),
                        r.bigDecimal("value"),
                        r.text("qualifier"),
                        r.text("unit"),
                        r.uuid("claimant_entity_id"),
                        r.text("claimant_name"),
                        r.bool("in_quote")))
                .toList();
    }

    private List<StoredDate> dates(UUID articleId) {
        return Row.all(em.createNativeQuery(
                                "SELECT start_offset, end_offset, surface, resolved, granularity FROM date_mention WHERE article_id = ?1 ORDER BY start_offset",
                                Tuple.class)
                        .setParameter(1, articleId))
                .stream()
                .map(r -> new StoredDate(
                        r.integer("start_offset"),
                        r.integer("end_offset"),
                        r.text("surface"),
                        r.date("resolved"),
                        r.text("granularity")))
                .toList();
    }

    /** Articles mentioning an entity, newest first. */
    public List<EntityArticle> articlesOf(UUID entityId, int offset, int limit) {
        return Row.all(em.createNativeQuery("""
                SELECT aa.article_id, aa.title, aa.published_at, ae.salience, ae.mention_count
                FROM article_entity ae JOIN article_analysis aa ON aa.article_id = ae.article_id
                WHERE ae.entity_id = ?1 ORDER BY aa.published_at DESC NULLS LAST, aa.article_id OFFSET ?2 LIMIT ?3""", Tuple.class)
                        .setParameter(1, entityId)
                        .setParameter(2, offset)
                        .setParameter(3, limit))
                .stream()
                .map(r -> new EntityArticle(
                        r.uuid("article_id"),
                        r.text("title"),
                        r.instant("published_at"),
                        r.decimal("salience"),
                        r.integer("mention_count")))
                .toList();
    }

    /** Entities appearing in the same articles, weighted by the number of shared articles. */
    public List<Cooccurrence> cooccurrences(UUID entityId, EntityType type, int offset, int limit) {
        return Row.all(em.createNativeQuery("""
                SELECT o.entity_id, e.canonical_name, e.type, count(*) AS weight, e.geonames_id, e.country_code, e.latitude, e.longitude
                FROM article_entity me JOIN article_entity o ON o.article_id = me.article_id AND o.entity_id <> me.entity_id
                JOIN entity e ON e.id = o.entity_id
                WHERE me.entity_id = ?1 AND (CAST(?2 AS text) IS NULL OR e.type = CAST(?2 AS text))
                GROUP BY o.entity_id, e.canonical_name, e.type, e.geonames_id, e.country_code, e.latitude, e.longitude ORDER BY weight DESC, e.canonical_name OFFSET ?3 LIMIT ?4""", Tuple.class)
                        .setParameter(1, entityId)
                        .setParameter(2, type == null ? null : type.name())
                        .setParameter(3, offset)
                        .setParameter(4, limit))
                .stream()
                .map(r -> new Cooccurrence(
                        r.uuid("entity_id"), r.text("canonical_name"), r.type("type"), r.count("weight"), r.place()))
                .toList();
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
    public record ArticleQuotes(UUID articleId, int version, Instant publishedAt, List<StoredQuote> quotes) {}

    public record StoredAnalysis(
            UUID articleId,
            int version,
            String title,
            Instant publishedAt,
            Instant analysedAt,
            List<StoredEntity> entities,
            List<StoredQuote> quotes,
            List<StoredClaim> claims,
            List<StoredDate> dates,
            LocalDate referenceDate,
            String referenceDateSource) {}

    /** @param place the entity's place in the graph (read only here: {@link EntityRepository#link} sets it) */
    public record StoredEntity(
            UUID entityId,
            String name,
            EntityType type,
            double salience,
            List<String> roles,
            List<StoredMention> mentions,
            Place place) {}

    public record StoredMention(int start, int end, String surface) {}

    public record StoredQuote(
            UUID articleId,
            int start,
            int end,
            String text,
            UUID speakerId,
            String speakerName,
            String speakerSurface,
            String speakerDescription,
            String speakerRole,
            String verb,
            String kind,
            UUID onBehalfOfId,
            String onBehalfOfName,
            Double confidence) {}

    public record StoredClaim(
            UUID articleId,
            int start,
            int end,
            String surface,
            BigDecimal value,
            String qualifier,
            String unit,
            UUID claimantId,
            String claimantName,
            boolean inQuote) {}

    public record StoredDate(int start, int end, String surface, LocalDate resolved, String granularity) {}

    public record EntityArticle(UUID articleId, String title, Instant publishedAt, double salience, int mentionCount) {}

    public record Cooccurrence(UUID entityId, String name, EntityType type, long weight, Place place) {}
}
