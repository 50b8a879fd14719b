package io.newsgraph.article.repository;

import io.newsgraph.common.sql.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Full-text search over live articles with PostgreSQL: `websearch_to_tsquery` accepts any user text without
 * syntax errors, and each query reads only the matches in a window of the newest articles (chosen by
 * ArticleQueries): buckets of {@value #ARTICLES_PER_BUCKET} articles by listing position, from a first bucket
 * on, or every bucket when it is null. The GIN index over (search_vector, search_bucket) finds exactly those
 * matches (V5__search_recent_window.sql); the small title-and-lead `rank_vector` ranks them (V4).
 */
@ApplicationScoped
public class SearchRepository {
    /** Highlight markers: control characters cannot occur in stored text, so they are safe to replace later. */
    public static final char MARK_START = '\u0002';
    public static final char MARK_END = '\u0003';
    /** Must match the generated column `search_bucket` (listing_seq / 256) of V5__search_recent_window.sql. */
    public static final int ARTICLES_PER_BUCKET = 256;

    /** The first "Plan Rows" of a JSON plan is the top node's: the rows the whole statement returns. */
    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\":\\s*(\\d+)");

    @Inject
    EntityManager em;

    /** The bucket of the newest article; -1 when there is none. */
    public int newestBucket() {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT a.search_bucket FROM article a ORDER BY a.listing_seq DESC LIMIT 1").getResultList();
        return rows.isEmpty() ? -1 : ((Number) rows.get(0)).intValue();
    }

    /** The planner's count of articles (pg_class.reltuples, kept by ANALYZE); -1 before the first ANALYZE. */
    public long estimateArticles() {
        return ((Number) em.createNativeQuery("SELECT reltuples::bigint FROM pg_class WHERE oid = 'article'::regclass").getSingleResult()).longValue();
    }

    /**
     * The planner's estimate of the live matches (from the column statistics of ANALYZE, which know the
     * frequent words): costs one planning, where counting would read every match.
     */
    public long estimateMatches(String query, String source) {
        Object plan = em.createNativeQuery("""
                EXPLAIN (FORMAT JSON) SELECT 1 FROM article a
                WHERE a.search_vector @@ websearch_to_tsquery('english', :q) AND a.deleted_at IS NULL
                  AND (CAST(:source AS text) IS NULL OR lower(a.source) = lower(CAST(:source AS text)))
                """)
                .setParameter("q", query)
                .setParameter("source", source)
                .getSingleResult();
        Matcher rows = PLAN_ROWS.matcher(String.valueOf(plan));
        return rows.find() ? Long.parseLong(rows.group(1)) : Long.MAX_VALUE;
    }

    /**
     * Live matches in buckets {@code fromBucket} (inclusive; null: from the first) to {@code toBucket}
     * (exclusive; null: to the newest), counted per source.
     */
    public List<FacetCount> matchesBySource(String query, String source, Integer fromBucket, Integer toBucket) {
        Query count = em.createNativeQuery("""
                SELECT a.source, count(*) AS n FROM article a
                WHERE a.search_vector @@ websearch_to_tsquery('english', :q) AND a.deleted_at IS NULL
                  AND (CAST(:source AS text) IS NULL OR lower(a.source) = lower(CAST(:source AS text)))
                  %s
                GROUP BY a.source
                """.formatted(window(fromBucket, toBucket)));
        bind(count, fromBucket, toBucket).setParameter("q", query).setParameter("source", source);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = count.getResultList();
        return rows.stream().map(r -> new FacetCount((String) r[0], ((Number) r[1]).longValue())).toList();
    }

    /** One page of the matches in buckets from {@code fromBucket} on (all when null), best first. */
    public List<Hit> hits(String query, String source, Integer fromBucket, int offset, int limit) {
        // Rank and page first, then build snippets only for the rows of the page (ts_headline is costly).
        Query hits = em.createNativeQuery("""
                WITH q AS (SELECT websearch_to_tsquery('english', :q) AS query),
                page AS (
                    SELECT a.id, a.title, a.source, a.author, a.published_at, a.body, a.listing_seq,
                           ts_rank_cd(a.rank_vector, q.query, 1) AS rank
                    FROM article a, q
                    WHERE a.search_vector @@ q.query AND a.deleted_at IS NULL
                      AND (CAST(:source AS text) IS NULL OR lower(a.source) = lower(CAST(:source AS text)))
                      %s
                    ORDER BY rank DESC, a.listing_seq DESC
                    OFFSET :offset LIMIT :limit)
                SELECT p.id, p.title, p.source, p.author, p.published_at, p.rank,
                       ts_headline('english', p.body, q.query,
                           'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "')
                FROM page p, q
                ORDER BY p.rank DESC, p.listing_seq DESC
                """.formatted(window(fromBucket, null)));
        bind(hits, fromBucket, null).setParameter("q", query).setParameter("source", source)
                .setParameter("offset", offset).setParameter("limit", limit);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = hits.getResultList();
        return rows.stream().map(r -> new Hit((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], SqlValues.toInstant(r[4]),
                ((Number) r[5]).doubleValue(), (String) r[6])).toList();
    }

    /**
     * No condition for the whole corpus, rather than "bucket >= 0": a range over every bucket would make the
     * index merge every article's entry. Distinct statement texts, so a cached generic plan cannot mix them up.
     */
    private static String window(Integer fromBucket, Integer toBucket) {
        return (fromBucket == null ? "" : " AND a.search_bucket >= :fromBucket") + (toBucket == null ? "" : " AND a.search_bucket < :toBucket");
    }

    private static Query bind(Query query, Integer fromBucket, Integer toBucket) {
        if (fromBucket != null) {
            query.setParameter("fromBucket", fromBucket);
        }
        return toBucket == null ? query : query.setParameter("toBucket", toBucket);
    }

    public record Hit(UUID id, String title, String source, String author, Instant publishedAt, double rank, String snippet) {
    }

    /** Matches of one source ({@code value}; null for articles without a source). */
    public record FacetCount(String value, long count) {
    }
}
