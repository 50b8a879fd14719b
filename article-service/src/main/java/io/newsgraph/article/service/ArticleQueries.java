package io.newsgraph.article.service;

import io.newsgraph.article.repository.Article;
import io.newsgraph.article.repository.ArticleRepository;
import io.newsgraph.article.repository.ArticleRepository.ArticleFilter;
import io.newsgraph.article.repository.FeedRepository;
import io.newsgraph.article.repository.FeedRepository.FeedEvent;
import io.newsgraph.article.repository.SearchRepository;
import io.newsgraph.article.repository.SearchRepository.FacetCount;
import io.newsgraph.article.repository.SearchRepository.Hit;
import io.newsgraph.common.paging.CursorCodec;
import io.newsgraph.common.paging.OffsetCursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Read side: article listing, full-text search and the change feed, each paged with opaque cursors. */
@ApplicationScoped
public class ArticleQueries {
    /** Most matches first, then by name (articles without a source last). */
    private static final Comparator<FacetCount> FACET_ORDER = Comparator.comparingLong(FacetCount::count).reversed()
            .thenComparing(FacetCount::value, Comparator.nullsLast(Comparator.naturalOrder()));

    /** Matches a search ranks at least (when the corpus has them); see {@link #search}. */
    @ConfigProperty(name = "newsgraph.search.candidates")
    int candidates;

    @Inject
    ArticleRepository articles;
    @Inject
    SearchRepository search;
    @Inject
    FeedRepository feed;

    public Page<Article> list(ArticleFilter filter, String cursor, int limit) {
        Long before = cursor == null ? null : position(cursor, "a");
        List<Article> rows = articles.page(filter, before, limit + 1);
        List<Article> items = rows.subList(0, Math.min(limit, rows.size()));
        String next = rows.size() > limit ? CursorCodec.encode("a", String.valueOf(items.get(items.size() - 1).listingSeq)) : null;
        return new Page<>(items, next);
    }

    /**
     * Ranks the matches among the newest articles: a window of newest articles that holds at least
     * {@code candidates} matches (sized from the planner's estimate of the matches, confirmed by counting), or
     * the whole corpus when no window much smaller than it does. A broad query ("minister") thus ranks about
     * {@code candidates} recent matches instead of every match ever stored; a rare one still ranks all of its
     * matches. The cursor keeps the window, so later pages rank the same set even while new articles arrive
     * (their total is counted again).
     */
    public SearchResult search(String query, String source, String cursor, int limit) {
        return search(query, source, cursor, limit, candidates);
    }

    SearchResult search(String query, String source, String cursor, int limit, int candidates) {
        SearchPosition position = cursor == null ? new SearchPosition(0, null) : SearchPosition.decode(cursor);
        Window window = cursor == null ? chooseWindow(query, source, candidates)
                : new Window(position.fromBucket(), search.matchesBySource(query, source, position.fromBucket(), null));
        List<Hit> fetched = search.hits(query, source, window.fromBucket(), position.offset(), limit + 1);
        int nextOffset = position.offset() + limit;
        String next = fetched.size() > limit && nextOffset <= OffsetCursor.MAX_OFFSET
                ? new SearchPosition(nextOffset, window.fromBucket()).encode() : null;
        // Facets count every source's matches: the window's counts are those when no source filters the search.
        List<FacetCount> facets = source == null ? window.bySource() : search.matchesBySource(query, null, window.fromBucket(), null);
        return new SearchResult(List.copyOf(fetched.subList(0, Math.min(limit, fetched.size()))), window.matches(),
                window.fromBucket() == null, facets.stream().sorted(FACET_ORDER).toList(), next);
    }

    /**
     * The window starts where, by the planner's estimate of the matches, {@code candidates} of them should be;
     * counting confirms it (each bucket counted once: a larger window adds the buckets below the one before),
     * and a window that would span most of the corpus becomes the corpus.
     */
    private Window chooseWindow(String query, String source, int candidates) {
        int newest = search.newestBucket();
        long estimate = newest < 0 ? 0 : search.estimateMatches(query, source);
        if (estimate > 2L * candidates) {
            long articles = search.estimateArticles();
            if (articles < estimate) {
                articles = (newest + 1L) * SearchRepository.ARTICLES_PER_BUCKET; // not analysed yet
            }
            long buckets = Math.ceilDiv((long) Math.ceil(1.25 * candidates * articles / estimate), SearchRepository.ARTICLES_PER_BUCKET);
            List<FacetCount> counted = new ArrayList<>();
            Integer countedFrom = null;
            while (buckets <= newest / 2) {
                int from = (int) (newest - buckets + 1);
                counted.addAll(search.matchesBySource(query, source, from, countedFrom));
                countedFrom = from;
                Window window = new Window(from, counted);
                if (window.matches() >= candidates) {
                    return window;
                }
                // Fewer than estimated: grow by the density seen so far, 1.5x to 16x.
                long found = window.matches();
                long wanted = found == 0 ? buckets * 16 : (long) Math.ceil(buckets * 1.25 * candidates / found);
                buckets = Math.min(Math.max(wanted, (long) Math.ceil(buckets * 1.5)), buckets * 16);
            }
        }
        // Counted afresh: a range over most buckets would cost more in the index than the few matches it skips.
        return new Window(null, search.matchesBySource(query, source, null, null));
    }

    /** Events after the cursor; the returned cursor resumes after the last one (or stays put when none). */
    public FeedSlice feed(String after, int limit) {
        long seq = after == null ? 0 : position(after, "f");
        List<FeedEvent> events = feed.after(seq, limit);
        long last = events.isEmpty() ? seq : events.get(events.size() - 1).seq();
        return new FeedSlice(events, CursorCodec.encode("f", String.valueOf(last)), events.size() == limit);
    }

    /** A cursor is a kind (a: listing, f: feed) and a position; one kind is not valid for another. */
    private static long position(String cursor, String kind) {
        List<String> parts = CursorCodec.decode(cursor, 2);
        if (!parts.get(0).equals(kind)) {
            throw CursorCodec.invalid();
        }
        try {
            long parsed = Long.parseLong(parts.get(1));
            if (parsed < 0) {
                throw CursorCodec.invalid();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw CursorCodec.invalid();
        }
    }

    public record Page<T>(List<T> items, String nextCursor) {
    }

    /** {@code total}: the matches ranked (the window's); exact ({@code totalExact}) when the window is the whole corpus. */
    public record SearchResult(List<Hit> hits, long total, boolean totalExact, List<FacetCount> sources, String nextCursor) {
    }

    /** The matches a search ranks: those from bucket {@code fromBucket} on (null: all), counted per source (per range counted). */
    private record Window(Integer fromBucket, List<FacetCount> counts) {
        Window {
            counts = List.copyOf(counts);
        }

        long matches() {
            return counts.stream().mapToLong(FacetCount::count).sum();
        }

        List<FacetCount> bySource() {
            Map<String, Long> merged = new HashMap<>();
            counts.forEach(c -> merged.merge(c.value(), c.count(), Long::sum));
            return merged.entrySet().stream().map(e -> new FacetCount(e.getKey(), e.getValue())).toList();
        }
    }

    /** Where a search page starts: an offset into the ranked matches of the window from bucket {@code fromBucket} (null: all). */
    record SearchPosition(int offset, Integer fromBucket) {
        private static final String KIND = "s";

        String encode() {
            return CursorCodec.encode(KIND, String.valueOf(offset), fromBucket == null ? "" : String.valueOf(fromBucket));
        }

        static SearchPosition decode(String cursor) {
            List<String> parts = CursorCodec.decode(cursor, 3);
            if (!parts.get(0).equals(KIND)) {
                throw CursorCodec.invalid();
            }
            try {
                int offset = Integer.parseInt(parts.get(1));
                Integer from = parts.get(2).isEmpty() ? null : Integer.valueOf(parts.get(2));
                if (offset < 0 || offset > OffsetCursor.MAX_OFFSET || from != null && from < 0) {
                    throw CursorCodec.invalid();
                }
                return new SearchPosition(offset, from);
            } catch (NumberFormatException e) {
                throw CursorCodec.invalid();
            }
        }
    }

    public record FeedSlice(List<FeedEvent> events, String cursor, boolean more) {
    }
}
