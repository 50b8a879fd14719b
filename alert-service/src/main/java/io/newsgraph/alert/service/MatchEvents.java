package io.newsgraph.alert.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsgraph.alert.repository.Subscription;
import io.newsgraph.common.http.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * The event a match is delivered as (webhook body, SSE data): the article summary, its entities (those the subscription
 * names marked {@code matched}) and links into the public API.
 */
@ApplicationScoped
public class MatchEvents {
    static final String TYPE = "article.matched";
    static final int SUMMARY_LENGTH = 280;

    @Inject
    ObjectMapper mapper;

    public ObjectNode event(Subscription subscription, JsonNode document, Instant at) {
        ObjectNode event = mapper.createObjectNode();
        event.put("type", TYPE).put("timestamp", at.toString());
        ObjectNode data = event.putObject("data");
        data.putObject("subscription").put("id", subscription.id().toString()).put("name", subscription.name());
        article(data, document, namedEntities(Json.stored(mapper, subscription.query())));
        ((ObjectNode) data.get("links")).put("matches", "/api/v1/subscriptions/" + subscription.id() + "/matches");
        return event;
    }

    /**
     * The event of an ad-hoc stream ({@code GET /stream}): the same article, entities and links as a subscription's, without
     * a subscription; {@code named} are the entity and speaker ids of the stream's query (lower case).
     */
    public ObjectNode streamEvent(JsonNode document, Set<String> named, Instant at) {
        ObjectNode event = mapper.createObjectNode();
        event.put("type", TYPE).put("timestamp", at.toString());
        article(event.putObject("data"), document, named);
        return event;
    }

    private static void article(ObjectNode data, JsonNode document, Set<String> named) {
        String articleId = document.path("id").asText();
        ObjectNode article = data.putObject("article");
        article.put("id", articleId).put("version", document.path("version").asInt());
        for (String field : new String[] {"title", "source", "author", "language", "publishedAt", "date"}) {
            if (document.path(field).isTextual()) {
                article.put(field, document.path(field).asText());
            }
        }
        article.put("summary", summary(document.path("body").asText("")));
        ArrayNode entities = data.putArray("entities");
        for (JsonNode e : document.path("entities")) {
            entities.addObject()
                    .put("id", e.path("id").asText())
                    .put("name", e.path("name").asText())
                    .put("type", e.path("type").asText())
                    .put("matched", named.contains(e.path("id").asText()));
        }
        ObjectNode links = data.putObject("links");
        links.put("article", "/api/v1/articles/" + articleId)
                .put("analysis", "/api/v1/articles/" + articleId + "/analysis");
    }

    /** The start of the body, cut at a word boundary. */
    static String summary(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        if (flat.length() <= SUMMARY_LENGTH) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', SUMMARY_LENGTH);
        return flat.substring(0, cut > 0 ? cut : SUMMARY_LENGTH) + "…";
    }

    /** The entity and speaker ids a query names (lower case): their entities are marked {@code matched} in events. */
    public static Set<String> namedEntities(JsonNode query) {
        Set<String> ids = new HashSet<>();
        query.path("entity").forEach(e -> ids.add(e.asText().toLowerCase()));
        query.path("speaker").forEach(e -> ids.add(e.asText().toLowerCase()));
        return ids;
    }
}
