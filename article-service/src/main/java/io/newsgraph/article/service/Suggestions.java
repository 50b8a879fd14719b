package io.newsgraph.article.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsgraph.article.repository.ArticleDocument;
import io.newsgraph.article.repository.ArticleIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Completion for building queries: entity names, sources or authors that start with a prefix (case and accents
 * ignored), most frequent first (articles, copies included: what a filter on the value would match).
 * Both steps read the term dictionary only: a {@code prefix} query on a normalized keyword narrows the documents,
 * and a {@code terms} aggregation over the same folded values, restricted by an {@code include} pattern that starts
 * with the literal prefix, counts them. Entities are indexed as {@code entityKeys.suggest} = "name␟type␟id" folded
 * (the mapping's {@code entity_suggest} normalizer puts the name first), so their prefix is the name's beginning.
 */
@ApplicationScoped
public class Suggestions {
    public enum Kind {
        ENTITY, SOURCE, AUTHOR
    }

    /** One completion: the value to use in a query; entities also carry their id and type. */
    public record Suggestion(String value, UUID id, String type, long count) {
    }

    static final String SEPARATOR = ArticleDocument.KEY_SEPARATOR;
    /** Extra entity buckets fetched: one entity renamed after a merge shows under two folded names, kept once. */
    private static final int ENTITY_SLACK = 5;

    @Inject
    ArticleIndex index;
    @Inject
    ObjectMapper mapper;

    public List<Suggestion> suggest(String prefix, Kind kind, int limit) {
        String folded = Folding.fold(prefix);
        String field = switch (kind) {
            case ENTITY -> "entityKeys.suggest";
            case SOURCE -> "source";
            case AUTHOR -> "author";
        };
        ObjectNode request = mapper.createObjectNode();
        request.put("size", 0).put("timeout", ArticleSearch.NODE_TIMEOUT);
        request.putObject("query").putObject("prefix").putObject(field).put("value", folded);
        ObjectNode terms = request.putObject("aggs").putObject("values").putObject("terms");
        ArrayNode order = terms.putArray("order");
        order.addObject().put("_count", "desc");
        order.addObject().put("_key", "asc");
        if (kind == Kind.ENTITY) {
            terms.put("field", field).put("size", limit + ENTITY_SLACK).put("include", Folding.regexLiteral(folded) + ".*");
            // The stored (unfolded) name and type, from the newest article mentioning the entity.
            ObjectNode newest = ((ObjectNode) request.path("aggs").path("values")).putObject("aggs").putObject("newest")
                    .putObject("top_hits").put("size", 1);
            newest.putArray("sort").addObject().put("date", "desc");
            newest.putObject("_source").putArray("includes").add("entities");
        } else {
            // Every matched document has exactly one value of the field, starting with the prefix: no include needed.
            terms.put("field", field + ".raw").put("size", limit);
        }
        JsonNode answer = index.searchOrEmpty(request, "suggest");
        List<Suggestion> suggestions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode bucket : answer.path("aggregations").path("values").path("buckets")) {
            long count = bucket.path("doc_count").asLong();
            if (kind != Kind.ENTITY) {
                suggestions.add(new Suggestion(bucket.path("key").asText(), null, null, count));
                continue;
            }
            String key = bucket.path("key").asText();
            String id = key.substring(key.lastIndexOf(SEPARATOR) + 1);
            if (suggestions.size() == limit || !seen.add(id)) {
                continue;
            }
            for (JsonNode entity : bucket.path("newest").path("hits").path("hits").path(0).path("_source").path("entities")) {
                if (entity.path("id").asText().equals(id)) {
                    suggestions.add(new Suggestion(entity.path("name").asText(), UUID.fromString(id), entity.path("type").asText(), count));
                    break;
                }
            }
        }
        return suggestions;
    }
}
