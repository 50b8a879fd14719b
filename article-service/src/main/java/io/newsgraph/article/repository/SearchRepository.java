package io.newsgraph.article.repository;

import io.newsgraph.common.sql.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Full-text search over live articles with PostgreSQL: `websearch_to_tsquery` accepts any user text without
 * syntax errors, the GIN index on the weighted (title A, body B) vector finds the matches, and the small
 * title-and-lead `rank_vector` ranks them (see V4__search_rank_vector.sql).
 */
@ApplicationScoped
public class SearchRepository {
    /** Highlight markers: control characters cannot occur in stored text, so they are safe to replace later. */
    public static final char MARK_START = '\u0002';
    public static final char MARK_END = '\u0003';

    @Inject
    EntityManager em;

    public List<Hit> hits(String query, String source, int offset, int limit) {
        // Rank and page first, then build snippets only for the rows of the page (ts_headline is costly).
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                WITH q AS (SELECT websearch_to_tsquery('english', :q) AS query),
                page AS (
                    SELECT a.id, a.title, a.source, a.author, a.published_at, a.body, a.listing_seq,
                           ts_rank_cd(a.rank_vector, q.query, 1) AS rank
                    FROM article a, q
                    WHERE a.search_vector @@ q.query AND a.deleted_at IS NULL
                      AND (CAST(:source AS text) IS NULL OR lower(a.source) = lower(CAST(:source AS text)))
                    ORDER BY rank DESC, a.listing_seq DESC
                    OFFSET :offset LIMIT :limit)
                SELECT p.id, p.title, p.source, p.author, p.published_at, p.rank,
                       ts_headline('english', p.body, q.query,
                           'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "')
                FROM page p, q
                ORDER BY p.rank DESC, p.listing_seq DESC
                """)
                .setParameter("q", query)
                .setParameter("source", source)
                .setParameter("offset", offset)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(r -> new Hit((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], SqlValues.toInstant(r[4]),
                ((Number) r[5]).doubleValue(), (String) r[6])).toList();
    }

    /**
     * Match counts per source over the first {@code cap} matches: exact for all but very broad queries, and
     * bounded in cost for those (the caller reports whether the counts are exact).
     */
    public List<FacetCount> sourceFacets(String query, int cap) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT m.source, count(*) AS n
                FROM (SELECT a.source FROM article a, websearch_to_tsquery('english', :q) AS query
                      WHERE a.search_vector @@ query AND a.deleted_at IS NULL LIMIT :cap) m
                GROUP BY m.source
                ORDER BY n DESC, m.source
                """)
                .setParameter("q", query)
                .setParameter("cap", cap)
                .getResultList();
        return rows.stream().map(r -> new FacetCount((String) r[0], ((Number) r[1]).longValue())).toList();
    }

    public record Hit(UUID id, String title, String source, String author, Instant publishedAt, double rank, String snippet) {
    }

    public record FacetCount(String value, long count) {
    }
}
