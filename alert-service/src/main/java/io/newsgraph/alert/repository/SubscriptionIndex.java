package io.newsgraph.alert.repository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsgraph.common.search.SearchEngine;
import io.newsgraph.common.search.SearchRejectedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The `subscriptions` percolator index: an alias over {@code subscriptions-v1}, written only by alert-service. Each
 * document is one saved search's compiled query; percolating an article document answers which saved searches match
 * it, inside OpenSearch rather than one query per subscription. The index copies the articles index's analysis and
 * field mapping (from article-service, which owns them), so that a query matches here exactly what it finds there.
 */
@ApplicationScoped
public class SubscriptionIndex {
    public static final String ALIAS = "subscriptions";
    /** The most subscriptions one article can match in one percolation (the index's result window). */
    static final int MAX_MATCHES = 10_000;
    private static final Logger LOG = Logger.getLogger(SubscriptionIndex.class);

    @Inject
    SearchEngine engine;
    @Inject
    ObjectMapper mapper;

    private volatile boolean ready;

    public String alias() {
        return engine.name(ALIAS);
    }

    /**
     * Creates the index behind the alias unless it exists, with the articles mapping {@code articleMapping} (generation,
     * analysis, properties as article-service's compile answer carries them). A later generation is logged: queries
     * written for it may use fields this index lacks until it is rebuilt.
     */
    public void ensure(JsonNode articleMapping) {
        if (ready) {
            return;
        }
        int generation = articleMapping.path("mapping").asInt();
        if (engine.exists("/" + alias())) {
            int live = engine.get("/" + alias() + "/_mapping").elements().next().path("mappings").path("_meta").path("mapping").asInt();
            if (live < generation) {
                LOG.warnf("percolator index %s has articles mapping %d, article-service has %d: new fields do not match until it is rebuilt",
                        alias(), live, generation);
            }
            ready = true;
            return;
        }
        ObjectNode body = mapper.createObjectNode();
        ObjectNode settings = body.putObject("settings");
        settings.put("number_of_shards", 1).put("refresh_interval", "1s");
        settings.set("analysis", articleMapping.path("analysis"));
        ObjectNode mappings = body.putObject("mappings");
        mappings.putObject("_meta").put("mapping", generation);
        mappings.put("dynamic", "strict");
        ObjectNode properties = mappings.putObject("properties");
        properties.setAll((ObjectNode) articleMapping.path("properties"));
        properties.putObject("query").put("type", "percolator");
        properties.putObject("subscriptionId").put("type", "keyword");
        properties.putObject("active").put("type", "boolean");
        body.putObject("aliases").putObject(alias());
        try {
            engine.call("PUT", "/" + alias() + "-v1", Map.of(), body);
        } catch (SearchRejectedException e) {
            if (!e.getMessage().contains("resource_already_exists_exception")) {
                throw e;
            }
        }
        ready = true;
    }

    public boolean exists() {
        return engine.exists("/" + alias());
    }

    /**
     * Writes a subscription's query with its revision as external version (an older revision never replaces a newer
     * one); visible to percolation on return.
     */
    public void put(UUID id, JsonNode compiled, boolean active, long revision) {
        ObjectNode doc = mapper.createObjectNode();
        doc.set("query", compiled);
        doc.put("subscriptionId", id.toString()).put("active", active);
        try {
            engine.call("PUT", "/" + alias() + "/_doc/" + id, Map.of("version", String.valueOf(revision), "version_type", "external_gte",
                    "refresh", "wait_for"), doc);
        } catch (SearchRejectedException e) {
            if (e.status() != 409) {
                throw e;
            }
        }
    }

    public void delete(UUID id) {
        try {
            engine.call("DELETE", "/" + alias() + "/_doc/" + id, Map.of("refresh", "wait_for"), null);
        } catch (SearchRejectedException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    /** The active subscriptions whose query matches this article document. */
    public List<UUID> percolate(JsonNode articleDocument) {
        ObjectNode request = mapper.createObjectNode();
        request.put("size", MAX_MATCHES).put("_source", false);
        ObjectNode bool = request.putObject("query").putObject("bool");
        bool.withArray("filter").addObject().putObject("percolate").put("field", "query").set("document", articleDocument);
        bool.withArray("filter").addObject().putObject("term").put("active", true);
        JsonNode answer = engine.call("POST", "/" + alias() + "/_search", Map.of(), request);
        List<UUID> ids = new ArrayList<>();
        answer.path("hits").path("hits").forEach(hit -> ids.add(UUID.fromString(hit.path("_id").asText())));
        return ids;
    }
}
