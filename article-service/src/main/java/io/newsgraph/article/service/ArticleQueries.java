package io.newsgraph.article.service;

import io.newsgraph.article.repository.Article;
import io.newsgraph.article.repository.ArticleDocument;
import io.newsgraph.article.repository.ArticleRepository;
import io.newsgraph.article.repository.ArticleRepository.ArticleFilter;
import io.newsgraph.article.repository.FeedRepository;
import io.newsgraph.article.repository.FeedRepository.FeedEvent;
import io.newsgraph.article.repository.SearchProjectionRepository;
import io.newsgraph.common.paging.CursorCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Read side: article listing and the change feed, each paged with opaque cursors (search: {@link ArticleSearch}). */
@ApplicationScoped
public class ArticleQueries {
    @Inject
    ArticleRepository articles;

    @Inject
    FeedRepository feed;

    @Inject
    SearchProjectionRepository projection;

    public Page<Article> list(ArticleFilter filter, String cursor, int limit) {
        Long before = cursor == null ? null : position(cursor, "a");
        List<Article> rows = articles.page(filter, before, limit + 1);
        List<Article> items = rows.subList(0, Math.min(limit, rows.size()));
        String next = rows.size() > limit
                ? CursorCodec.encode("a", String.valueOf(items.get(items.size() - 1).listingSeq))
                : null;
        return new Page<>(items, next);
    }

    /** Events after the cursor; the returned cursor resumes after the last one (or stays put when none). */
    public FeedSlice feed(String after, int limit) {
        long seq = after == null ? 0 : position(after, "f");
        List<FeedEvent> events = feed.after(seq, limit);
        long last = events.isEmpty() ? seq : events.get(events.size() - 1).seq();
        return new FeedSlice(events, CursorCodec.encode("f", String.valueOf(last)), events.size() == limit);
    }

    /**
     * Live articles as the search index holds them now (what saved searches are matched against), in the order asked;
     * deleted and unknown ids are left out.
     */
    public List<ArticleDocument> searchDocuments(List<UUID> ids) {
        Map<UUID, ArticleDocument> documents = projection.documents(new LinkedHashSet<>(ids));
        return ids.stream()
                .distinct()
                .map(documents::get)
                .filter(Objects::nonNull)
                .toList();
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

    public record Page<T>(List<T> items, String nextCursor) {}

    public record FeedSlice(List<FeedEvent> events, String cursor, boolean more) {}
}
