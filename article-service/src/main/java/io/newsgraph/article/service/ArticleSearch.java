package io.newsgraph.article.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsgraph.article.query.QueryDsl;
import io.newsgraph.article.query.QueryNode;
import io.newsgraph.article.repository.ArticleDocument;
import io.newsgraph.article.repository.ArticleIndex;
import io.newsgraph.article.service.SearchQuery.Facet;
import io.newsgraph.article.service.SearchQuery.Interval;
import io.newsgraph.article.service.SearchQuery.Sort;
import io.newsgraph.article.service.SearchResult.Count;
import io.newsgraph.article.service.SearchResult.DateCount;
import io.newsgraph.article.service.SearchResult.DateHistogram;
import io.newsgraph.article.service.SearchResult.EntityCount;
import io.newsgraph.article.service.SearchResult.Facets;
import io.newsgraph.article.service.SearchResult.Fragment;
import io.newsgraph.article.service.SearchResult.Highlights;
import io.newsgraph.article.service.SearchResult.Hit;
import io.newsgraph.article.service.SearchResult.Span;
import io.newsgraph.article.service.SearchResult.Total;
import io.newsgraph.common.paging.CursorCodec;
import io.newsgraph.common.problem.ProblemException;
import io.newsgraph.common.search.SearchRejectedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Searches the `articles` index. Relevance is BM25 (title weighted 3x the body) times a recency boost of
 * {@code 1 + g}, where g is 1 for an article of this hour and halves every 30 days of age (a Gaussian decay): of two
 * equally relevant articles the newer ranks first, while a much better old match still wins. Near-duplicate groups
 * show once (their first-stored member, see {@link SearchQuery#collapsesDuplicates}); facets count every match.
 * Pages continue with search_after on a total order (score or date, then id): no depth limit.
 */
@ApplicationScoped
public class ArticleSearch {
    /** Counting stops here: totals above are "at least" ({@code gte}), which keeps broad queries cheap. */
    static final int TOTAL_BOUND = 10_000;
    /** The node abandons a search after this and answers with what it has; we then answer 503 rather than partial hits. */
    static final String NODE_TIMEOUT = "3s";

    static final int FACET_SIZE = 10;
    private static final String[] SOURCE_FIELDS = {
        "id", "title", "body", "source", "author", "language", "publishedAt", "date", "duplicateIds"
    };
    private static final List<String> ENTITY_TYPES = List.of("PERSON", "ORGANIZATION", "LOCATION");

    @Inject
    ArticleIndex index;

    @Inject
    ObjectMapper mapper;

    public SearchResult search(SearchQuery query) {
        ObjectNode request = mapper.createObjectNode();
        request.put("size", query.limit() + 1)
                .put("track_total_hits", TOTAL_BOUND)
                .put("timeout", NODE_TIMEOUT);
        ArrayNode source = request.putObject("_source").putArray("includes");
        for (String field : SOURCE_FIELDS) {
            source.add(field);
        }
        request.set("query", query(query));
        if (query.collapsesDuplicates()) {
            request.putObject("post_filter").putObject("term").put("representative", true);
        }
        request.set("sort", sort(query.sort()));
        if (query.cursor() != null) {
            request.set("search_after", after(query.cursor(), query.sort()));
        }
        if (query.parsed() != null) {
            request.set("highlight", highlight(query.parsed()));
        }
        if (!query.facets().isEmpty()) {
            request.set("aggs", aggregations(query));
        }
        JsonNode answer;
        try {
            answer = index.search(request);
        } catch (SearchRejectedException e) {
            // The parser lets through only queries the index can run; what is left is the node's own limits
            // (e.g. too many expanded clauses): the client's query, not a fault of the service.
            throw new ProblemException(
                    400,
                    "query-too-complex",
                    "Query is too complex",
                    "The search cluster refused this query (" + e.getMessage()
                            + "); use fewer or longer prefixes, or fewer terms");
        }
        if (answer.path("timed_out").asBoolean()) {
            throw new io.newsgraph.common.search.SearchUnavailableException(
                    "search timed out after " + NODE_TIMEOUT, null);
        }
        List<Hit> hits = new ArrayList<>();
        JsonNode rawHits = answer.path("hits").path("hits");
        for (int i = 0; i < Math.min(query.limit(), rawHits.size()); i++) {
            hits.add(hit(rawHits.get(i)));
        }
        String next = rawHits.size() > query.limit()
                ? cursor(query.sort(), rawHits.get(query.limit() - 1).path("sort"))
                : null;
        JsonNode total = answer.path("hits").path("total");
        return new SearchResult(
                new Total(total.path("value").asLong(), total.path("relation").asText("eq")),
                hits,
                facets(query, answer.path("aggregations")),
                next);
    }

    private ObjectNode query(SearchQuery query) {
        ObjectNode bool = matchQuery(query);
        if (query.sort() != Sort.RELEVANCE || query.parsed() == null) {
            return bool;
        }
        ObjectNode scored = mapper.createObjectNode();
        ObjectNode function = scored.putObject("function_score");
        function.set("query", bool);
        ArrayNode functions = function.putArray("functions");
        functions
                .addObject()
                .putObject("gauss")
                .putObject("date")
                .put("origin", "now/h")
                .put("scale", "30d")
                .put("decay", 0.5);
        functions.addObject().put("weight", 1);
        function.put("score_mode", "sum").put("boost_mode", "multiply");
        return scored;
    }

    /**
     * Which articles the search matches, without ranking: the text and every filter over the `articles` mapping. Also
     * what a saved search stores (alert-service percolates new articles against it), so both agree on every match.
     */
    public ObjectNode matchQuery(SearchQuery query) {
        ObjectNode bool = mapper.createObjectNode();
        ObjectNode inner = bool.putObject("bool");
        if (query.parsed() != null) {
            inner.withArray("must").add(QueryDsl.toQuery(query.parsed()));
        }
        ArrayNode filter = inner.putArray("filter");
        terms(filter, "source", query.sources());
        terms(filter, "author", query.authors());
        terms(filter, "language", query.languages());
        terms(filter, "entityTypes", query.entityTypes());
        terms(
                filter,
                "speakerIds",
                query.speakers().stream().map(UUID::toString).toList());
        terms(filter, "countries", query.places());
        if (query.allEntities()) {
            query.entities().forEach(id -> filter.addObject().putObject("term").put("entityIds", id.toString()));
        } else {
            terms(
                    filter,
                    "entityIds",
                    query.entities().stream().map(UUID::toString).toList());
        }
        if (query.from() != null || query.to() != null) {
            ObjectNode range = filter.addObject().putObject("range").putObject("date");
            if (query.from() != null) {
                range.put("gte", query.from());
            }
            if (query.to() != null) {
                range.put("lte", query.to());
            }
        }
        return bool;
    }

    private static void terms(ArrayNode filter, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode list = filter.addObject().putObject("terms").putArray(field);
            values.forEach(list::add);
        }
    }

    private ArrayNode sort(Sort sort) {
        ArrayNode order = mapper.createArrayNode();
        switch (sort) {
            case RELEVANCE -> order.addObject().put("_score", "desc");
            case DATE -> order.addObject().put("date", "asc");
            case DATE_DESC -> order.addObject().put("date", "desc");
        }
        if (sort == Sort.RELEVANCE) {
            order.addObject().put("date", "desc");
        }
        order.addObject().put("id", "asc");
        return order;
    }

    /**
     * Title and body fragments. The unstemmed word fields are highlighted only for queries with a prefix, the only
     * terms that match there alone: every highlighted field costs the node a pass over the hit's text, about half
     * of a search's CPU (bench/search/README.md, "Where the time goes").
     */
    private ObjectNode highlight(QueryNode parsed) {
        ObjectNode highlight = mapper.createObjectNode();
        // The text query alone: inside the recency function_score the highlighter would not see prefix expansions.
        highlight.set("highlight_query", QueryDsl.toQuery(parsed));
        highlight.putArray("pre_tags").add("<mark>");
        highlight.putArray("post_tags").add("</mark>");
        highlight.put("encoder", "html").put("require_field_match", false);
        ObjectNode fields = highlight.putObject("fields");
        boolean prefixes = hasPrefix(parsed);
        fields.putObject("title").put("number_of_fragments", 0);
        if (prefixes) {
            fields.putObject("title.words").put("number_of_fragments", 0);
        }
        for (String body : prefixes ? List.of("body", "body.words") : List.of("body")) {
            fields.putObject(body)
                    .put("fragment_size", 160)
                    .put("number_of_fragments", 2)
                    .put("no_match_size", 0);
        }
        return highlight;
    }

    static boolean hasPrefix(QueryNode node) {
        return switch (node) {
            case QueryNode.Word w -> w.prefix();
            case QueryNode.Phrase p -> false;
            case QueryNode.And a -> a.all().stream().anyMatch(ArticleSearch::hasPrefix);
            case QueryNode.Or o -> o.any().stream().anyMatch(ArticleSearch::hasPrefix);
            case QueryNode.Not n -> false;
        };
    }

    private ObjectNode aggregations(SearchQuery query) {
        ObjectNode aggs = mapper.createObjectNode();
        if (query.facets().contains(Facet.SOURCE)) {
            aggs.putObject("source")
                    .putObject("terms")
                    .put("field", "source.raw")
                    .put("size", FACET_SIZE);
        }
        if (query.facets().contains(Facet.AUTHOR)) {
            aggs.putObject("author")
                    .putObject("terms")
                    .put("field", "author.raw")
                    .put("size", FACET_SIZE);
        }
        if (query.facets().contains(Facet.LANGUAGE)) {
            aggs.putObject("language")
                    .putObject("terms")
                    .put("field", "language")
                    .put("size", FACET_SIZE);
        }
        if (query.facets().contains(Facet.ENTITY)) {
            for (String type : ENTITY_TYPES) {
                aggs.putObject("entity_" + type)
                        .putObject("terms")
                        .put("field", "entityKeys")
                        .put("size", FACET_SIZE)
                        .put("include", type + ArticleDocument.KEY_SEPARATOR + ".*");
            }
        }
        if (query.facets().contains(Facet.DATE)) {
            aggs.putObject("date")
                    .putObject("date_histogram")
                    .put("field", "date")
                    .put("calendar_interval", interval(query).name().toLowerCase())
                    .put("min_doc_count", 0)
                    .put("format", "yyyy-MM-dd");
        }
        return aggs;
    }

    /** auto: days for a window up to two months, weeks up to two years, months beyond and when the window is open. */
    static Interval interval(SearchQuery query) {
        if (query.interval() != Interval.AUTO) {
            return query.interval();
        }
        Instant from = parseTime(query.from());
        Instant to = query.to() == null ? Instant.now() : parseTime(query.to());
        if (from == null || to == null) {
            return Interval.MONTH;
        }
        long days = Duration.between(from, to).toDays();
        return days <= 62 ? Interval.DAY : days <= 730 ? Interval.WEEK : Interval.MONTH;
    }

    /** An RFC 3339 time or date, or simple date math relative to now ({@code now-7d}); null when it is neither. */
    public static Instant parseTime(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (RuntimeException notATime) {
            // a date or date math below
        }
        try {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (RuntimeException notADate) {
            // date math below
        }
        var m = java.util.regex.Pattern.compile("now(?:([+-])(\\d{1,4})([dwMy]))?(?:/[dwMy])?")
                .matcher(value);
        if (!m.matches()) {
            return null;
        }
        if (m.group(1) == null) {
            return Instant.now();
        }
        long n = Long.parseLong(m.group(2)) * ("-".equals(m.group(1)) ? -1 : 1);
        long days = switch (m.group(3)) {
            case "w" -> 7 * n;
            case "M" -> 30 * n;
            case "y" -> 365 * n;
            default -> n;
        };
        return Instant.now().plus(Duration.ofDays(days));
    }

    private Hit hit(JsonNode raw) {
        JsonNode doc = raw.path("_source");
        JsonNode hl = raw.path("highlight");
        String title = doc.path("title").asText("");
        String body = doc.path("body").asText("");
        List<Fragment> titleFragments = fragments(first(hl, "title", "title.words"), title);
        List<Fragment> bodyFragments = fragments(first(hl, "body", "body.words"), body);
        List<UUID> duplicates = new ArrayList<>();
        doc.path("duplicateIds").forEach(id -> duplicates.add(UUID.fromString(id.asText())));
        return new Hit(
                UUID.fromString(doc.path("id").asText()),
                title,
                text(doc, "source"),
                text(doc, "author"),
                text(doc, "language"),
                time(doc, "publishedAt"),
                time(doc, "date"),
                raw.path("_score").isNumber() ? raw.path("_score").asDouble() : null,
                new Highlights(titleFragments, bodyFragments),
                duplicates.size(),
                duplicates);
    }

    private static JsonNode first(JsonNode highlight, String field, String alternative) {
        return highlight.has(field) ? highlight.path(field) : highlight.path(alternative);
    }

    /** Locates each highlighted fragment in the field's text, and each mark in it, as character offsets. */
    static List<Fragment> fragments(JsonNode highlighted, String field) {
        List<Fragment> fragments = new ArrayList<>();
        for (JsonNode node : highlighted) {
            String html = node.asText();
            StringBuilder plain = new StringBuilder();
            List<int[]> marks = new ArrayList<>();
            int markStart = -1;
            for (int i = 0; i < html.length(); ) {
                if (html.startsWith("<mark>", i)) {
                    markStart = plain.length();
                    i += 6;
                } else if (html.startsWith("</mark>", i)) {
                    marks.add(new int[] {markStart, plain.length()});
                    i += 7;
                } else if (html.charAt(i) == '&') {
                    int semi = html.indexOf(';', i);
                    String entity = semi < 0 ? "&" : html.substring(i, semi + 1);
                    plain.append(unescape(entity));
                    i += entity.length();
                } else {
                    plain.append(html.charAt(i++));
                }
            }
            int start = field.indexOf(plain.toString());
            if (start < 0) {
                continue; // not found verbatim (cannot happen for stored text); better no offsets than wrong ones
            }
            fragments.add(new Fragment(
                    html,
                    start,
                    start + plain.length(),
                    marks.stream()
                            .map(m -> new Span(start + m[0], start + m[1]))
                            .toList()));
        }
        return fragments;
    }

    private static String unescape(String entity) {
        return switch (entity) {
            case "&amp;" -> "&";
            case "&lt;" -> "<";
            case "&gt;" -> ">";
            case "&quot;" -> "\"";
            case "&#x27;", "&#39;" -> "'";
            case "&#x2F;" -> "/";
            default -> entity.startsWith("&#") && entity.endsWith(";") ? numeric(entity) : entity;
        };
    }

    private static String numeric(String entity) {
        try {
            String digits = entity.substring(2, entity.length() - 1);
            int code = digits.startsWith("x") || digits.startsWith("X")
                    ? Integer.parseInt(digits.substring(1), 16)
                    : Integer.parseInt(digits);
            return new String(Character.toChars(code));
        } catch (RuntimeException e) {
            return entity;
        }
    }

    private Facets facets(SearchQuery query, JsonNode aggs) {
        if (query.facets().isEmpty()) {
            return null;
        }
        Map<String, List<EntityCount>> entities = null;
        if (query.facets().contains(Facet.ENTITY)) {
            entities = new LinkedHashMap<>();
            for (String type : ENTITY_TYPES) {
                List<EntityCount> counts = new ArrayList<>();
                for (JsonNode bucket : aggs.path("entity_" + type).path("buckets")) {
                    String[] parts = bucket.path("key").asText().split(ArticleDocument.KEY_SEPARATOR, 3);
                    counts.add(new EntityCount(
                            UUID.fromString(parts[1]),
                            parts[2],
                            bucket.path("doc_count").asLong()));
                }
                entities.put(type, counts);
            }
        }
        DateHistogram histogram = null;
        if (query.facets().contains(Facet.DATE)) {
            List<DateCount> buckets = new ArrayList<>();
            aggs.path("date")
                    .path("buckets")
                    .forEach(b -> buckets.add(new DateCount(
                            LocalDate.parse(b.path("key_as_string").asText()),
                            b.path("doc_count").asLong())));
            histogram = new DateHistogram(interval(query).name().toLowerCase(), buckets);
        }
        return new Facets(
                counts(query, Facet.SOURCE, aggs.path("source")),
                counts(query, Facet.AUTHOR, aggs.path("author")),
                counts(query, Facet.LANGUAGE, aggs.path("language")),
                entities,
                histogram);
    }

    private static List<Count> counts(SearchQuery query, Facet facet, JsonNode agg) {
        if (!query.facets().contains(facet)) {
            return null;
        }
        List<Count> counts = new ArrayList<>();
        agg.path("buckets")
                .forEach(b -> counts.add(
                        new Count(b.path("key").asText(), b.path("doc_count").asLong())));
        return counts;
    }

    /** A cursor holds the sort it belongs to and the last hit's sort values; it is not valid for another sort. */
    private static String cursor(Sort sort, JsonNode values) {
        List<String> parts = new ArrayList<>();
        parts.add("q");
        parts.add(sort.name());
        values.forEach(v -> parts.add(v.asText()));
        return CursorCodec.encode(parts.toArray(String[]::new));
    }

    private ArrayNode after(String cursor, Sort sort) {
        int values = sort == Sort.RELEVANCE ? 3 : 2;
        List<String> parts = CursorCodec.decode(cursor, values + 2);
        if (!parts.get(0).equals("q") || !parts.get(1).equals(sort.name())) {
            throw CursorCodec.invalid();
        }
        ArrayNode after = mapper.createArrayNode();
        try {
            int i = 2;
            if (sort == Sort.RELEVANCE) {
                after.add(Double.parseDouble(parts.get(i++)));
            }
            after.add(Long.parseLong(parts.get(i++)));
            after.add(UUID.fromString(parts.get(i)).toString());
        } catch (IllegalArgumentException e) {
            throw CursorCodec.invalid();
        }
        return after;
    }

    private static String text(JsonNode doc, String field) {
        return doc.path(field).isTextual() ? doc.path(field).asText() : null;
    }

    private static Instant time(JsonNode doc, String field) {
        return doc.path(field).isTextual() ? Instant.parse(doc.path(field).asText()) : null;
    }
}
