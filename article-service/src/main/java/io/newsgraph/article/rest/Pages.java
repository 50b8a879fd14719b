package io.newsgraph.article.rest;

import io.newsgraph.article.repository.ChangeKind;
import io.newsgraph.article.repository.FeedRepository.FeedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the list-shaped operations. */
public final class Pages {
    private Pages() {}

    @Schema(name = "ArticlePage", description = "One page of articles, newest first.")
    public record ArticlePage(
            List<ArticleSummary> items,

            @Schema(description = "Opaque cursor of the next page; absent on the last page.", examples = "djEfYR8xMjM")
            String nextCursor,

            @Schema(
                    description = "Link to the next page; absent on the last page.",
                    examples = "/api/v1/articles?limit=20&cursor=djEfYR8xMjM")
            String next) {}

    @Schema(name = "ArticleSummary", description = "An article in a list, without its body.")
    public record ArticleSummary(
            UUID id,
            int version,
            String title,
            String author,
            String source,
            String dateline,
            Instant publishedAt,
            Instant createdAt) {}

    @Schema(name = "ArticleVersionList", description = "Every version of an article, oldest first.")
    public record VersionList(List<VersionView> items) {}

    @Schema(
            name = "FeedPage",
            description =
                    "Change-feed events in commit order. Resume with `after=<cursor>`; when `hasMore` is false you are up to date (poll again later with the same cursor).")
    public record FeedPage(
            List<FeedItem> events,

            @Schema(description = "Cursor to pass as `after` next time.", examples = "djEfZh80Mg")
            String cursor,

            @Schema(description = "Whether more events are available right now.")
            boolean hasMore) {}

    @Schema(name = "FeedEvent", description = "One create, update or delete.")
    public record FeedItem(
            @Schema(description = "Position in the feed; strictly increasing in commit order.", examples = "42")
            long seq,

            @Schema(examples = "CREATED") ChangeKind kind,
            UUID articleId,

            @Schema(description = "Article version this event produced.", examples = "1")
            int version,

            Instant occurredAt,

            @Schema(
                    description =
                            "The wire dateline of that version exactly as it appeared in the text; null when it has none.",
                    examples = "KYIV, March 3 (Reuters) -")
            String datelineText,

            @Schema(description = "Photo captions of that version with their credits; empty when none.")
            List<FeedCaption> captions,

            @Schema(
                    description =
                            "Date of a dated byline (\"Updated: 2025-03-03 10:17\"), ISO local date; null when none.",
                    examples = "2025-03-03")
            LocalDate bylineDate,

            @Schema(
                    description = "W3C trace context (`traceparent`) of the write that produced this event, for a "
                            + "consumer to link its processing to that trace; null when the write was not traced.",
                    examples = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
            String traceparent) {
        static FeedItem of(FeedEvent e) {
            return new FeedItem(
                    e.seq(),
                    e.kind(),
                    e.articleId(),
                    e.version(),
                    e.occurredAt(),
                    e.datelineText(),
                    e.captions().stream()
                            .map(c -> new FeedCaption(c.text(), c.credit()))
                            .toList(),
                    e.bylineDate(),
                    e.traceparent());
        }
    }

    @Schema(name = "FeedCaption", description = "A photo caption and its credit, as the change feed carries it.")
    public record FeedCaption(
            @Schema(examples = "Rescuers search the rubble in Kharkiv on March 2, 2025.")
            String text,

            @Schema(
                    description = "Photo credit as printed (marker words such as \"Photo:\" removed); null when none.",
                    examples = "REUTERS/Jane Roe")
            String credit) {}

    @Schema(name = "BatchResult", description = "Outcome of an NDJSON batch: one result per non-empty input line.")
    public record BatchResult(
            @Schema(examples = "2") int created,
            @Schema(examples = "1") int duplicates,
            @Schema(examples = "1") int failed,
            List<BatchLine> results) {}

    @Schema(
            name = "BatchLine",
            description = "Outcome of one line: `status` 201 created, 200 duplicate, 4xx failed (see `problem`).")
    public record BatchLine(
            @Schema(description = "1-based input line number.", examples = "3")
            int line,

            @Schema(examples = "201") int status,
            UUID id,
            Integer version,
            io.newsgraph.common.problem.Problem problem) {}
}
