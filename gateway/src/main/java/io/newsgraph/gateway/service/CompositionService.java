package io.newsgraph.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsgraph.gateway.client.ArticleClient;
import io.newsgraph.gateway.client.EntityClient;
import io.newsgraph.gateway.client.UpstreamReply;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Composed reads. The primary resource decides the status (its 404 stays a 404, its outage is a 503); a
 * secondary part that fails becomes {@code null} plus a line in {@code warnings}, never an error.
 */
@ApplicationScoped
public class CompositionService {
    static final int RECENT_ARTICLES = 5;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ArticleClient articles;
    private final EntityClient entities;

    CompositionService(ArticleClient articles, EntityClient entities) {
        this.articles = articles;
        this.entities = entities;
    }

    /** The outcome: either a composed body, or the primary's own answer to pass on. */
    public record Composed(UpstreamReply primary, ObjectNode body) {}

    public Uni<Composed> articleWithAnalysis(String id, String requestId) {
        return Uni.combine()
                .all()
                .unis(articles.article(id, requestId), entities.analysis(id, requestId))
                .asTuple()
                .map(both -> {
                    UpstreamReply article = both.getItem1();
                    if (!article.ok() || !article.body().isObject()) {
                        return new Composed(article, null);
                    }
                    UpstreamReply analysis = both.getItem2();
                    List<String> warnings = new ArrayList<>();
                    ObjectNode body = ((ObjectNode) article.body()).deepCopy();
                    body.set("analysis", analysis.ok() ? analysis.body() : NODES.nullNode());
                    if (!analysis.ok()) {
                        warnings.add(
                                analysis.status() == 404
                                        ? "analysis unavailable: entity-service has not analysed this article yet"
                                        : "analysis unavailable: " + why(analysis));
                    }
                    body.set("warnings", array(warnings));
                    return new Composed(article, body);
                });
    }

    public Uni<Composed> entityWithArticles(String id, String requestId) {
        return Uni.combine()
                .all()
                .unis(entities.entity(id, requestId), entities.articlesOf(id, RECENT_ARTICLES, requestId))
                .asTuple()
                .flatMap(both -> {
                    UpstreamReply entity = both.getItem1();
                    if (!entity.ok() || !entity.body().isObject()) {
                        return Uni.createFrom().item(new Composed(entity, null));
                    }
                    ObjectNode body = ((ObjectNode) entity.body()).deepCopy();
                    UpstreamReply recent = both.getItem2();
                    if (!recent.ok()) {
                        body.set("recentArticles", NODES.nullNode());
                        body.set("warnings", array(List.of("recent articles unavailable: " + why(recent))));
                        return Uni.createFrom().item(new Composed(entity, body));
                    }
                    return titles(articleIds(recent.body()), requestId).map(titled -> {
                        body.set("recentArticles", titled.articles());
                        body.set("warnings", array(List.copyOf(titled.warnings())));
                        return new Composed(entity, body);
                    });
                });
    }

    private record Titled(ArrayNode articles, Set<String> warnings) {}

    private Uni<Titled> titles(List<String> ids, String requestId) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(new Titled(NODES.arrayNode(), Set.of()));
        }
        List<Uni<UpstreamReply>> calls = ids.stream()
                .map(articleId -> articles.article(articleId, requestId))
                .toList();
        return Uni.combine().all().unis(calls).with(UpstreamReply.class, replies -> {
            ArrayNode out = NODES.arrayNode();
            Set<String> warnings = new LinkedHashSet<>();
            for (int i = 0; i < ids.size(); i++) {
                UpstreamReply reply = replies.get(i);
                ObjectNode item = out.addObject().put("id", ids.get(i));
                if (reply.ok() && reply.body().hasNonNull("title")) {
                    item.set("title", reply.body().get("title"));
                } else {
                    item.putNull("title");
                    if (reply.unavailable() != null) {
                        warnings.add("article titles unavailable: " + reply.unavailable());
                    }
                }
            }
            return new Titled(out, warnings);
        });
    }

    /** Article ids from entity-service's page: items carrying {@code articleId}, or else {@code id}. */
    static List<String> articleIds(JsonNode page) {
        JsonNode items = page.isArray() ? page : page.path("items");
        List<String> ids = new ArrayList<>();
        for (JsonNode item : items) {
            JsonNode id = item.hasNonNull("articleId") ? item.get("articleId") : item.get("id");
            if (id != null && id.isTextual() && ids.size() < RECENT_ARTICLES) {
                ids.add(id.asText());
            }
        }
        return ids;
    }

    private static String why(UpstreamReply reply) {
        return reply.unavailable() != null ? reply.unavailable() : "entity-service answered " + reply.status();
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
