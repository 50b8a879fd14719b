package io.newsgraph.article.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A page of search hits with the requested facets. */
public record SearchResult(Total total, List<Hit> hits, Facets facets, String nextCursor) {

    /** {@code relation} "eq": exact; "gte": at least (counting stops at 10,000 to keep broad queries cheap). */
    public record Total(long value, String relation) {}

    public record Hit(
            UUID id,
            String title,
            String source,
            String author,
            String language,
            Instant publishedAt,
            Instant date,
            Double score,
            Highlights highlights,
            int duplicates,
            List<UUID> duplicateIds) {}

    public record Highlights(List<Fragment> title, List<Fragment> body) {}

    /**
     * A piece of the title or body with the matched words marked: {@code text} is HTML-escaped with {@code <mark>}
     * around matches; {@code start}/{@code end} are its character offsets in the field, {@code marks} those of each match.
     */
    public record Fragment(String text, int start, int end, List<Span> marks) {}

    public record Span(int start, int end) {}

    public record Facets(
            List<Count> source,
            List<Count> author,
            List<Count> language,
            Map<String, List<EntityCount>> entity,
            DateHistogram date) {}

    public record Count(String value, long count) {}

    public record EntityCount(UUID id, String name, long count) {}

    public record DateHistogram(String interval, List<DateCount> buckets) {}

    public record DateCount(LocalDate date, long count) {}
}
