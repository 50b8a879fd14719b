package io.newsgraph.article.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsgraph.article.repository.ArticleDocument;
import io.newsgraph.article.repository.ArticleIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Entities whose mention count rises most in a window [from, to) against the window of the same length before it.
 * A mention count is the number of stories mentioning the entity: near-duplicate groups count once (their
 * representative), so a wire story republished by five outlets is one mention, not five. The rise is the smoothed
 * ratio {@code (count + 1) / (previousCount + 1)}, and only entities with at least {@link #MIN_COUNT} stories in the
 * window take part, so one or two stray articles cannot outrank a real rise. Candidates are the {@link #CANDIDATES}
 * entities most mentioned in the window.
 */
@ApplicationScoped
public class EntityTrends {
    public static final int MIN_COUNT = 3;
    static final int CANDIDATES = 1000;

    public record Trend(
            UUID id, String name, String type, long count, long previousCount, double rise, List<DayCount> series) {}

    public record DayCount(LocalDate date, long count) {}

    @Inject
    ArticleIndex index;

    @Inject
    ObjectMapper mapper;

    /** {@code type} null: every type. */
    public List<Trend> rising(Instant from, Instant to, String type, int limit) {
        Instant previousFrom = from.minus(Duration.between(from, to));
        ObjectNode request = window(previousFrom, to);
        ObjectNode terms = request.putObject("aggs").putObject("entities").putObject("terms");
        terms.put("field", "entityKeys")
                .put("size", CANDIDATES)
                .putObject("order")
                .put("current", "desc");
        if (type != null) {
            terms.put("include", type + ArticleDocument.KEY_SEPARATOR + ".*");
        }
        ((ObjectNode) request.path("aggs").path("entities"))
                .putObject("aggs")
                .putObject("current")
                .putObject("filter")
                .set("range", range(from, to));
        List<Trend> trends = new ArrayList<>();
        for (JsonNode bucket : run(request).path("entities").path("buckets")) {
            long count = bucket.path("current").path("doc_count").asLong();
            long previous = bucket.path("doc_count").asLong() - count;
            if (count >= MIN_COUNT) {
                String[] key = bucket.path("key").asText().split(ArticleDocument.KEY_SEPARATOR, 3);
                trends.add(new Trend(
                        UUID.fromString(key[1]),
                        key[2],
                        key[0],
                        count,
                        previous,
                        (count + 1.0) / (previous + 1.0),
                        List.of()));
            }
        }
        trends.sort(Comparator.comparingDouble(Trend::rise)
                .reversed()
                .thenComparing(Comparator.comparingLong(Trend::count).reversed())
                .thenComparing(Trend::name));
        List<Trend> top = trends.subList(0, Math.min(limit, trends.size()));
        Map<UUID, List<DayCount>> series = series(top, from, to);
        return top.stream()
                .map(t -> new Trend(
                        t.id(), t.name(), t.type(), t.count(), t.previousCount(), t.rise(), series.get(t.id())))
                .toList();
    }

    /** Day buckets (UTC) over [from, to) for these entities, empty days included. */
    private Map<UUID, List<DayCount>> series(List<Trend> trends, Instant from, Instant to) {
        Map<UUID, List<DayCount>> series = new HashMap<>();
        if (trends.isEmpty()) {
            return series;
        }
        ObjectNode request = window(from, to);
        ObjectNode terms = request.putObject("aggs").putObject("entities").putObject("terms");
        ArrayNode keys =
                terms.put("field", "entityKeys").put("size", trends.size()).putArray("include");
        trends.forEach(t ->
                keys.add(t.type() + ArticleDocument.KEY_SEPARATOR + t.id() + ArticleDocument.KEY_SEPARATOR + t.name()));
        ObjectNode histogram = ((ObjectNode) request.path("aggs").path("entities"))
                .putObject("aggs")
                .putObject("days")
                .putObject("date_histogram");
        histogram
                .put("field", "date")
                .put("calendar_interval", "day")
                .put("time_zone", "UTC")
                .put("format", "yyyy-MM-dd")
                .put("min_doc_count", 0)
                .putObject("extended_bounds")
                .put("min", from.toEpochMilli())
                .put("max", to.toEpochMilli() - 1);
        for (JsonNode bucket : run(request).path("entities").path("buckets")) {
            UUID id = UUID.fromString(bucket.path("key").asText().split(ArticleDocument.KEY_SEPARATOR, 3)[1]);
            List<DayCount> days = new ArrayList<>();
            bucket.path("days")
                    .path("buckets")
                    .forEach(d -> days.add(new DayCount(
                            LocalDate.parse(d.path("key_as_string").asText()),
                            d.path("doc_count").asLong())));
            series.put(id, days);
        }
        return series;
    }

    /** A request counting group representatives dated in [from, to). */
    private ObjectNode window(Instant from, Instant to) {
        ObjectNode request = mapper.createObjectNode();
        request.put("size", 0).put("timeout", ArticleSearch.NODE_TIMEOUT);
        ArrayNode filter = request.putObject("query").putObject("bool").putArray("filter");
        filter.addObject().putObject("term").put("representative", true);
        filter.addObject().set("range", range(from, to));
        return request;
    }

    private ObjectNode range(Instant from, Instant to) {
        ObjectNode range = mapper.createObjectNode();
        range.putObject("date").put("gte", from.toString()).put("lt", to.toString());
        return range;
    }

    private JsonNode run(ObjectNode request) {
        return index.searchOrEmpty(request, "trends").path("aggregations");
    }
}
