package io.newsgraph.alert.repository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsgraph.alert.config.AlertConfig;
import io.newsgraph.common.search.SearchEngine;
import io.newsgraph.common.search.SearchRejectedException;
import io.newsgraph.common.search.SearchUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * article-service's `articles` index, read (never written) by ad-hoc streams: which of a batch's articles match which
 * of the open streams' queries, in one {@code _msearch}. Each search filters the batch's ids and carries every query as
 * a named {@code should} clause, so that every article of the batch comes back (none is required to match) with the
 * names of the queries it matches ({@code matched_queries}) and its external version, the change-feed position
 * article-service indexed it from (docs/search.md, "Indexing").
 */
@ApplicationScoped
public class ArticlesIndex {
    /** What events are made of (MatchEvents): the rest of a document stays on the node. */
    static final List<String> SOURCE = List.of(
            "id", "version", "title", "source", "author", "language", "publishedAt", "date", "body", "entities");
    /** Clauses one search may hold by our estimate; OpenSearch refuses more than 1,024 (indices.query.bool.max_clause_count). */
    static final int CLAUSE_BUDGET = 600;

    private static final String NAME_PREFIX = "q";

    @Inject
    SearchEngine engine;

    @Inject
    AlertConfig config;

    @Inject
    ObjectMapper mapper;

    /** The full name of the alias searched: configured, else `articles` with this service's prefix. */
    public String name() {
        return config.articles().index().filter(s -> !s.isBlank()).orElseGet(() -> engine.name("articles"));
    }

    /**
     * The articles of {@code ids} as the index holds them, each with the indexes (into {@code queries}) of the queries
     * it matches. Articles the index does not hold (yet) are absent. Queries are spread over several searches of one
     * {@code _msearch} when they would hold too many clauses for one.
     */
    public Map<String, Hit> matches(Collection<String> ids, List<JsonNode> queries) {
        Map<String, Hit> hits = new HashMap<>();
        List<List<Integer>> chunks = chunks(queries, config.streams().queriesPerSearch());
        while (!chunks.isEmpty()) {
            chunks = search(ids, queries, chunks, hits);
        }
        return hits;
    }

    /** Runs one _msearch; answers the chunks to run again (split in two after OpenSearch found one too large). */
    private List<List<Integer>> search(
            Collection<String> ids, List<JsonNode> queries, List<List<Integer>> chunks, Map<String, Hit> hits) {
        List<JsonNode> lines = new ArrayList<>();
        for (List<Integer> chunk : chunks) {
            lines.add(mapper.createObjectNode().put("index", name()));
            lines.add(request(ids, queries, chunk));
        }
        JsonNode answer = engine.msearch(lines);
        List<List<Integer>> again = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            JsonNode response = answer.path("responses").path(i);
            List<Integer> chunk = chunks.get(i);
            if (response.has("error")) {
                int status = response.path("status").asInt(500);
                String reason = response.path("error")
                        .path("root_cause")
                        .path(0)
                        .path("type")
                        .asText(response.path("error").toString());
                if (status == 404) {
                    continue; // no articles index yet: nothing is indexed
                }
                if (status == 400 && chunk.size() > 1 && reason.contains("too_many")) {
                    again.add(chunk.subList(0, chunk.size() / 2));
                    again.add(chunk.subList(chunk.size() / 2, chunk.size()));
                    continue;
                }
                if (status >= 500 || status == 429) {
                    throw new SearchUnavailableException(
                            "_msearch on " + name() + " answered " + status + ": " + reason, null);
                }
                throw new SearchRejectedException(status, reason, response);
            }
            for (JsonNode hit : response.path("hits").path("hits")) {
                Hit h = hits.computeIfAbsent(
                        hit.path("_id").asText(),
                        id -> new Hit(hit.path("_version").asLong(), hit.path("_source"), new BitSet()));
                JsonNode names = hit.path("matched_queries");
                names.forEach(n -> h.matched().set(index(n.asText())));
                names.fieldNames().forEachRemaining(n -> h.matched().set(index(n))); // the object form (with scores)
            }
        }
        return again;
    }

    private ObjectNode request(Collection<String> ids, List<JsonNode> queries, List<Integer> chunk) {
        ObjectNode request = mapper.createObjectNode();
        request.put("size", ids.size()).put("version", true).put("track_total_hits", false);
        ArrayNode source = request.putArray("_source");
        SOURCE.forEach(source::add);
        ObjectNode bool = request.putObject("query").putObject("bool");
        ArrayNode values = bool.putArray("filter").addObject().putObject("ids").putArray("values");
        ids.forEach(values::add);
        ArrayNode should = bool.putArray("should");
        for (int q : chunk) {
            ObjectNode named = should.addObject().putObject("bool");
            named.putArray("filter").add(queries.get(q));
            named.put("_name", NAME_PREFIX + q);
        }
        return request;
    }

    private static int index(String name) {
        return Integer.parseInt(name.substring(NAME_PREFIX.length()));
    }

    /** Groups query indexes so that each group stays within {@link #CLAUSE_BUDGET} by estimate and {@code max} queries. */
    static List<List<Integer>> chunks(List<JsonNode> queries, int max) {
        List<List<Integer>> chunks = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        int clauses = 0;
        for (int q = 0; q < queries.size(); q++) {
            int cost = clauses(queries.get(q));
            if (!current.isEmpty() && (current.size() >= max || clauses + cost > CLAUSE_BUDGET)) {
                chunks.add(current);
                current = new ArrayList<>();
                clauses = 0;
            }
            current.add(q);
            clauses += cost;
        }
        if (!current.isEmpty() || chunks.isEmpty()) {
            chunks.add(current); // no query at all: one search still answers the batch's documents and versions
        }
        return chunks;
    }

    /**
     * An upper estimate of the Lucene clauses a compiled query becomes: one per query object, and for text four per word
     * (a multi_match over title and body, each with its unstemmed sub-field).
     */
    static int clauses(JsonNode node) {
        int count = 0;
        if (node.isObject()) {
            count++;
            JsonNode text = node.get("query");
            if (text != null && text.isTextual()) {
                count += 4 * text.asText().split("\\s+").length;
            }
        }
        for (JsonNode child : node) {
            count += clauses(child);
        }
        return count;
    }

    /**
     * One article as indexed: {@code feedPosition} is its external version (the feed position of the batch it was last
     * written in), {@code source} the fields events need, {@code matched} the indexes of the matching queries.
     */
    public record Hit(long feedPosition, JsonNode source, BitSet matched) {}
}
