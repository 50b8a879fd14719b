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
import io.newsgraph.common.paging.Slice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Read side: article listing, full-text search and the change feed, each paged with opaque cursors. */
@ApplicationScoped
public class ArticleQueries {
    /** Matches counted for `total` and facets at most: broad queries stay cheap; the response says when capped. */
    static final int FACET_CAP = 10_000;

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

    public SearchResult search(String query, String source, String cursor, int limit) {
        int offset = OffsetCursor.decode(cursor);
        Slice<Hit> page = Slice.of(search.hits(query, source, offset, limit + 1), offset, limit);
        List<FacetCount> sources = search.sourceFacets(query, FACET_CAP);
        long counted = sources.stream().mapToLong(FacetCount::count).sum();
        return new SearchResult(page.items(), counted, counted < FACET_CAP, sources, page.nextCursor());
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

    public record SearchResult(List<Hit> hits, long total, boolean totalExact, List<FacetCount> sources, String nextCursor) {
    }

    public record FeedSlice(List<FeedEvent> events, String cursor, boolean more) {
    }
}
