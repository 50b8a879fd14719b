package io.newsgraph.article.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsgraph.article.repository.ArticleIndex;
import io.newsgraph.article.repository.EntityNameRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Completion for building queries: entity names, sources or authors that start with a prefix (case and accents
 * ignored), most frequent first (articles, copies included: what a filter on the value would match).
 * Entities come from PostgreSQL's {@code entity_name} table, whose per-entity counts move with every stored summary
 * and deletion: one index range per prefix, however many articles name the entities (docs/decisions.md, "Entity
 * completion"). Sources and authors - one value per article - come from the search index: a {@code prefix} query on a
 * normalized keyword narrows the documents and a {@code terms} aggregation over the raw values counts them.
 */
@ApplicationScoped
public class Suggestions {
    public enum Kind {
        ENTITY,
        SOURCE,
        AUTHOR
    }

    /** One completion: the value to use in a query; entities also carry their id and type. */
    public record Suggestion(String value, UUID id, String type, long count) {}

    @Inject
    EntityNameRepository entityNames;

    @Inject
    ArticleIndex index;

    @Inject
    ObjectMapper mapper;

    public List<Suggestion> suggest(String prefix, Kind kind, int limit) {
        if (kind == Kind.ENTITY) {
            // The resource has collapsed the prefix's spaces already; a trailing space stays (a word ends there).
            return entityNames.startingWith(Folding.fold(prefix), limit).stream()
                    .map(e -> new Suggestion(e.name(), e.id(), e.type(), e.articles()))
                    .toList();
        }
        String field = kind == Kind.SOURCE ? "source" : "author";
        ObjectNode request = mapper.createObjectNode();
        request.put("size", 0).put("timeout", ArticleSearch.NODE_TIMEOUT);
        request.putObject("query").putObject("prefix").putObject(field).put("value", Folding.fold(prefix));
        ObjectNode terms = request.putObject("aggs").putObject("values").putObject("terms");
        // Every matched document has exactly one value of the field, starting with the prefix: no include needed.
        terms.put("field", field + ".raw").put("size", limit);
        ArrayNode order = terms.putArray("order");
        order.addObject().put("_count", "desc");
        order.addObject().put("_key", "asc");
        JsonNode answer = index.searchOrEmpty(request, "suggest");
        List<Suggestion> suggestions = new ArrayList<>();
        for (JsonNode bucket : answer.path("aggregations").path("values").path("buckets")) {
            suggestions.add(new Suggestion(
                    bucket.path("key").asText(),
                    null,
                    null,
                    bucket.path("doc_count").asLong()));
        }
        return suggestions;
    }
}
