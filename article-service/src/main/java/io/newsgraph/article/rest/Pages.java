package io.newsgraph.article.rest;

import io.newsgraph.article.repository.ChangeKind;
import io.newsgraph.article.repository.FeedRepository.FeedEvent;
import io.newsgraph.article.repository.SearchRepository.FacetCount;
import io.newsgraph.article.repository.SearchRepository.Hit;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the list-shaped operations. */
public final class Pages {
    private Pages() {
    }

    @Schema(name = "ArticlePage", description = "One page of articles, newest first.")
    public record ArticlePage(
            List<ArticleSummary> items,
            @Schema(description = "Opaque cursor of the next page; absent on the last page.", examples = "djEfYR8xMjM") String nextCursor,
            @Schema(description = "Link to the next page; absent on the last page.", examples = "/api/v1/articles?limit=20&cursor=djEfYR8xMjM") String next) {
    }

    @Schema(name = "ArticleSummary", description = "An article in a list, without its body.")
    public record ArticleSummary(UUID id, int version, String title, String author, String source, String dateline,
                                 Instant publishedAt, Instant createdAt) {
    }

    @Schema(name = "ArticleVersionList", description = "Every version of an article, oldest first.")
    public record VersionList(List<VersionView> items) {
    }

    @Schema(name = "SearchPage", description = "Ranked full-text hits with highlighted snippets and facets.")
    public record SearchPage(
            @Schema(examples = "cease-fire \"Black Sea\"") String query,
            @Schema(description = "Number of matching articles that were ranked: all of them when `totalExact` is true, else those among the newest articles (a lower bound).", examples = "1") long total,
            @Schema(description = "False when the query matches so many articles that only the newest of them were ranked (a window of recent articles holding at least 1,000 matches): `hits`, `total` and the facets then cover that window.") boolean totalExact,
            List<SearchHit> hits,
            @Schema(description = "Facet counts over the ranked matches, of every source (also when `source` filters the hits).") Facets facets,
            String nextCursor,
            String next) {
    }

    @Schema(name = "SearchHit")
    public record SearchHit(UUID id, String title, String source, String author, Instant publishedAt,
                            @Schema(description = "Relevance (title matches weigh more than body matches).", examples = "0.42") double score,
                            @Schema(description = "HTML-escaped excerpt; matches wrapped in <mark></mark>.",
                                    examples = "a potential 30-day <mark>cease-fire</mark> in the Ukraine-Russia war") String snippet) {
        static SearchHit of(Hit hit) {
            return new SearchHit(hit.id(), hit.title(), hit.source(), hit.author(), hit.publishedAt(), hit.rank(), Snippets.toHtml(hit.snippet()));
        }
    }

    @Schema(name = "SearchFacets")
    public record Facets(@Schema(description = "Matches per source, most first.") List<FacetValue> source) {
    }

    @Schema(name = "FacetValue")
    public record FacetValue(@Schema(description = "Facet value; null for articles without one.", examples = "chinadaily.com.cn") String value,
                             @Schema(examples = "12") long count) {
        static FacetValue of(FacetCount c) {
            return new FacetValue(c.value(), c.count());
        }
    }

    @Schema(name = "FeedPage", description = "Change-feed events in commit order. Resume with `after=<cursor>`; when `hasMore` is false you are up to date (poll again later with the same cursor).")
    public record FeedPage(List<FeedItem> events,
                           @Schema(description = "Cursor to pass as `after` next time.", examples = "djEfZh80Mg") String cursor,
                           @Schema(description = "Whether more events are available right now.") boolean hasMore) {
    }

    @Schema(name = "FeedEvent", description = "One create, update or delete.")
    public record FeedItem(@Schema(description = "Position in the feed; strictly increasing in commit order.", examples = "42") long seq,
                           @Schema(examples = "CREATED") ChangeKind kind,
                           UUID articleId,
                           @Schema(description = "Article version this event produced.", examples = "1") int version,
                           Instant occurredAt,
                           @Schema(description = "The wire dateline of that version exactly as it appeared in the text; null when it has none.",
                                   examples = "KYIV, March 3 (Reuters) -") String datelineText,
                           @Schema(description = "Photo captions of that version with their credits; empty when none.") List<FeedCaption> captions,
                           @Schema(description = "Date of a dated byline (\"Updated: 2025-03-03 10:17\"), ISO local date; null when none.",
                                   examples = "2025-03-03") LocalDate bylineDate,
                           @Schema(description = "W3C trace context (`traceparent`) of the write that produced this event, for a "
                                   + "consumer to link its processing to that trace; null when the write was not traced.",
                                   examples = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01") String traceparent) {
        static FeedItem of(FeedEvent e) {
            return new FeedItem(e.seq(), e.kind(), e.articleId(), e.version(), e.occurredAt(), e.datelineText(),
                    e.captions().stream().map(c -> new FeedCaption(c.text(), c.credit())).toList(), e.bylineDate(), e.traceparent());
        }
    }

    @Schema(name = "FeedCaption", description = "A photo caption and its credit, as the change feed carries it.")
    public record FeedCaption(
            @Schema(examples = "Rescuers search the rubble in Kharkiv on March 2, 2025.") String text,
            @Schema(description = "Photo credit as printed (marker words such as \"Photo:\" removed); null when none.",
                    examples = "REUTERS/Jane Roe") String credit) {
    }

    @Schema(name = "BatchResult", description = "Outcome of an NDJSON batch: one result per non-empty input line.")
    public record BatchResult(@Schema(examples = "2") int created, @Schema(examples = "1") int duplicates,
                              @Schema(examples = "1") int failed, List<BatchLine> results) {
    }

    @Schema(name = "BatchLine", description = "Outcome of one line: `status` 201 created, 200 duplicate, 4xx failed (see `problem`).")
    public record BatchLine(@Schema(description = "1-based input line number.", examples = "3") int line,
                            @Schema(examples = "201") int status,
                            UUID id,
                            Integer version,
                            io.newsgraph.common.problem.Problem problem) {
    }
}
