package io.newsgraph.article.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsgraph.article.repository.ArticleIndex;
import io.newsgraph.article.repository.ArticleRepository;
import io.newsgraph.common.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Stories related to an article: more-like-this on its title and body, plus a constant bonus per shared entity of
 * {@code 2 + 4 × salience} (its salience in this article, 0–1), so that a story about the same people and places
 * ranks up even in other words, and the main actors count more than a passing mention. At most
 * {@link #ENTITY_CLAUSES} entities (the most salient) take part. The article itself and its near-duplicate group
 * (same duplicate key) never show; other groups show once, by their representative, as in search.
 */
@ApplicationScoped
public class RelatedStories {
    static final int ENTITY_CLAUSES = 20;
    static final int MAX_QUERY_TERMS = 25;

    public record Related(
            UUID id, String title, String source, Instant date, double score, List<SharedEntity> sharedEntities) {}

    public record SharedEntity(UUID id, String name) {}

    private record Entity(UUID id, String name, double salience) {}

    @Inject
    ArticleIndex index;

    @Inject
    ArticleRepository articles;

    @Inject
    ObjectMapper mapper;

    public List<Related> related(UUID id, int limit) {
        if (QuarkusTransaction.requiringNew().call(() -> articles.findLive(id).isEmpty())) {
            throw new ProblemException(404, "not-found", "Resource not found", "No live article has the id given");
        }
        ObjectNode lookup = mapper.createObjectNode();
        lookup.put("size", 1)
                .putObject("query")
                .putObject("ids")
                .putArray("values")
                .add(id.toString());
        lookup.putObject("_source")
                .putArray("includes")
                .add("title")
                .add("body")
                .add("entities")
                .add("duplicateKey");
        JsonNode article = run(lookup).path("hits").path("hits").path(0).path("_source");
        if (article.isMissingNode()) {
            return List.of(); // stored a moment ago and not yet indexed: nothing to compare it with
        }
        List<Entity> entities = new ArrayList<>();
        for (JsonNode e : article.path("entities")) {
            entities.add(new Entity(
                    UUID.fromString(e.path("id").asText()),
                    e.path("name").asText(),
                    e.path("salience").asDouble()));
        }
        entities.sort((a, b) -> Double.compare(b.salience(), a.salience()));

        ObjectNode request = mapper.createObjectNode();
        request.put("size", limit).put("timeout", ArticleSearch.NODE_TIMEOUT);
        request.putObject("_source")
                .putArray("includes")
                .add("id")
                .add("title")
                .add("source")
                .add("date")
                .add("entityIds");
        ObjectNode bool = request.putObject("query").putObject("bool");
        bool.putArray("filter").addObject().putObject("term").put("representative", true);
        ArrayNode not = bool.putArray("must_not");
        not.addObject().putObject("ids").putArray("values").add(id.toString());
        not.addObject()
                .putObject("term")
                .put("duplicateKey", article.path("duplicateKey").asText());
        ArrayNode should = bool.putArray("should");
        ObjectNode like = should.addObject().putObject("more_like_this");
        like.putArray("fields").add("title").add("body");
        like.putArray("like")
                .add(article.path("title").asText(""))
                .add(article.path("body").asText(""));
        // min_doc_freq 2: a word only this article has cannot find another one.
        like.put("min_term_freq", 1)
                .put("min_doc_freq", 2)
                .put("max_query_terms", MAX_QUERY_TERMS)
                .put("minimum_should_match", "30%");
        for (Entity entity : entities.subList(0, Math.min(ENTITY_CLAUSES, entities.size()))) {
            ObjectNode shared = should.addObject().putObject("constant_score");
            shared.putObject("filter")
                    .putObject("term")
                    .put("entityIds", entity.id().toString());
            shared.put("boost", 2 + 4 * Math.clamp(entity.salience(), 0, 1));
        }
        bool.put("minimum_should_match", 1);
        ArrayNode sort = request.putArray("sort");
        sort.addObject().put("_score", "desc");
        sort.addObject().put("date", "desc");
        sort.addObject().put("id", "asc");

        List<Related> related = new ArrayList<>();
        for (JsonNode hit : run(request).path("hits").path("hits")) {
            JsonNode doc = hit.path("_source");
            Set<String> ids = new HashSet<>();
            doc.path("entityIds").forEach(e -> ids.add(e.asText()));
            List<SharedEntity> sharedEntities = entities.stream()
                    .filter(e -> ids.contains(e.id().toString()))
                    .map(e -> new SharedEntity(e.id(), e.name()))
                    .toList();
            related.add(new Related(
                    UUID.fromString(doc.path("id").asText()),
                    doc.path("title").asText(),
                    doc.path("source").isTextual() ? doc.path("source").asText() : null,
                    doc.path("date").isTextual()
                            ? Instant.parse(doc.path("date").asText())
                            : null,
                    hit.path("_score").asDouble(),
                    sharedEntities));
        }
        return related;
    }

    private JsonNode run(ObjectNode request) {
        return index.searchOrEmpty(request, "related stories");
    }
}
