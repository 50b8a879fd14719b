package io.newsgraph.alert.repository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsgraph.common.http.Json;
import io.newsgraph.common.search.SearchEngine;
import io.newsgraph.common.search.SearchRejectedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The `subscriptions` percolator index: an alias over {@code subscriptions-vN}, written only by alert-service. Each
 * document is one saved search's compiled query; percolating an article document answers which saved searches match
 * it, inside OpenSearch rather than one query per subscription. The index copies the articles index's analysis and
 * field mapping (from article-service, which owns them), so that a query matches here exactly what it finds there.
 */
@ApplicationScoped
public class SubscriptionIndex {
    public static final String ALIAS = "subscriptions";
    /** The most subscriptions one article can match in one percolation (the index's result window). */
    static final int MAX_MATCHES = 10_000;

    @Inject
    SearchEngine engine;

    @Inject
    ObjectMapper mapper;

    private static final Pattern VERSIONED = Pattern.compile("-v(\\d+)$");

    private volatile boolean ready;
    private volatile int generation = -1;

    /**
     * A subscription's create or change returns once its query is searchable ({@code refresh=wait_for}), which takes
     * about one refresh interval: 250 ms, not OpenSearch's 1 s. Refreshing an index that did not change costs nothing.
     */
    static final String REFRESH_INTERVAL = "250ms";

    public String alias() {
        return engine.name(ALIAS);
    }

    /**
     * Creates the index behind the alias unless it exists, with the articles mapping {@code articleMapping} (generation,
     * analysis, properties as article-service's compile answer carries them). Whether an existing index is of an older
     * generation is {@link #generation()}'s to tell ({@code PercolatorRebuild} rebuilds it).
     */
    public void ensure(JsonNode articleMapping) {
        if (ready) {
            return;
        }
        if (engine.exists("/" + alias())) {
            liveGeneration();
            // Indexes made before the interval was shortened take it too.
            ObjectNode settings = mapper.createObjectNode();
            settings.putObject("index").put("refresh_interval", REFRESH_INTERVAL);
            engine.call("PUT", "/" + alias() + "/_settings", Map.of(), settings);
            ready = true;
            return;
        }
        try {
            create(alias() + "-v1", articleMapping, true);
        } catch (SearchRejectedException e) {
            if (!e.getMessage().contains("resource_already_exists_exception")) {
                throw e;
            }
        }
        ready = true;
    }

    /**
     * The articles mapping generation the index was built from, as last read here (-1: no index seen yet). Another
     * replica's rebuild may have raised it since: read {@link #liveGeneration()} before acting on it.
     */
    public int generation() {
        return generation;
    }

    /** The generation of the index behind the alias, read now (-1: no index). */
    public int liveGeneration() {
        if (!engine.exists("/" + alias())) {
            return generation = -1;
        }
        return generation = engine.get("/" + alias() + "/_mapping")
                .elements()
                .next()
                .path("mappings")
                .path("_meta")
                .path("mapping")
                .asInt();
    }

    /** The versioned index behind the alias ({@code subscriptions-vN}). */
    public String current() {
        return engine.get("/_alias/" + alias()).fieldNames().next();
    }

    /** The name of the versioned index after the current one; an index of that name left by an interrupted rebuild is deleted. */
    public String next() {
        Matcher m = VERSIONED.matcher(current());
        String name = alias() + "-v" + (m.find() ? Integer.parseInt(m.group(1)) + 1 : 2);
        if (engine.exists("/" + name)) {
            engine.call("DELETE", "/" + name, Map.of(), null);
        }
        return name;
    }

    /** Creates a versioned index with this articles mapping (behind the alias when {@code withAlias}). */
    public void create(String index, JsonNode articleMapping, boolean withAlias) {
        int generation = articleMapping.path("mapping").asInt();
        ObjectNode body = mapper.createObjectNode();
        ObjectNode settings = body.putObject("settings");
        settings.put("number_of_shards", 1).put("refresh_interval", REFRESH_INTERVAL);
        settings.set("analysis", articleMapping.path("analysis"));
        ObjectNode mappings = body.putObject("mappings");
        mappings.putObject("_meta").put("mapping", generation);
        mappings.put("dynamic", "strict");
        ObjectNode properties = mappings.putObject("properties");
        properties.setAll((ObjectNode) articleMapping.path("properties"));
        properties.putObject("query").put("type", "percolator");
        properties.putObject("subscriptionId").put("type", "keyword");
        properties.putObject("active").put("type", "boolean");
        if (withAlias) {
            body.putObject("aliases").putObject(alias());
        }
        engine.call("PUT", "/" + index, Map.of(), body);
        if (withAlias) {
            this.generation = generation;
        }
    }

    /**
     * Writes these subscriptions' documents into {@code index} (a versioned index being built) in one bulk request, each
     * with its revision as external version.
     */
    public void putAll(String index, List<Document> documents) {
        if (documents.isEmpty()) {
            return;
        }
        List<JsonNode> lines = new ArrayList<>();
        for (Document d : documents) {
            ObjectNode action = mapper.createObjectNode();
            action.putObject("index")
                    .put("_index", index)
                    .put("_id", d.id().toString())
                    .put("version", d.revision())
                    .put("version_type", "external_gte");
            lines.add(action);
            lines.add(document(d.id(), d.compiled(), d.active()));
        }
        JsonNode answer = engine.bulk(lines, Map.of());
        if (answer.path("errors").asBoolean()) {
            for (JsonNode item : answer.path("items")) {
                JsonNode result = item.path("index");
                if (result.has("error") && result.path("status").asInt() != 409) {
                    throw new IllegalStateException(
                            "percolator bulk write into " + index + " failed: " + result.path("error"));
                }
            }
        }
    }

    /** Makes everything written to {@code index} visible to percolation. */
    public void refresh(String index) {
        engine.call("POST", "/" + index + "/_refresh", Map.of(), null);
    }

    /** Points the alias at {@code index} in one atomic step and deletes the index it pointed at before. */
    public void swap(String index, int generation) {
        String old = current();
        ObjectNode actions = mapper.createObjectNode();
        ArrayNode list = actions.putArray("actions");
        list.addObject().putObject("remove").put("index", old).put("alias", alias());
        list.addObject().putObject("add").put("index", index).put("alias", alias());
        engine.call("POST", "/_aliases", Map.of(), actions);
        this.generation = generation;
        engine.call("DELETE", "/" + old, Map.of(), null);
    }

    public boolean exists() {
        return engine.exists("/" + alias());
    }

    /**
     * Writes a subscription's query with its revision as external version (an older revision never replaces a newer
     * one); visible to percolation on return.
     */
    public void put(UUID id, JsonNode compiled, boolean active, long revision) {
        ObjectNode doc = document(id, compiled, active);
        try {
            engine.call(
                    "PUT",
                    "/" + alias() + "/_doc/" + id,
                    Map.of("version", String.valueOf(revision), "version_type", "external_gte", "refresh", "wait_for"),
                    doc);
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

    private ObjectNode document(UUID id, JsonNode compiled, boolean active) {
        ObjectNode doc = mapper.createObjectNode();
        doc.set("query", compiled);
        doc.put("subscriptionId", id.toString()).put("active", active);
        return doc;
    }

    /**
     * For each article document, the active subscriptions whose query matches it (same order as the documents). One
     * percolate request for all of them: OpenSearch builds one in-memory index of the documents and runs each candidate
     * query once against it, so a page of articles costs about what one article did; `_percolator_document_slot` says
     * which documents a query matched.
     */
    public List<List<UUID>> percolate(List<JsonNode> articleDocuments) {
        List<List<UUID>> matched = new ArrayList<>(articleDocuments.size());
        articleDocuments.forEach(d -> matched.add(new ArrayList<>()));
        if (articleDocuments.isEmpty()) {
            return matched;
        }
        ObjectNode request = mapper.createObjectNode();
        request.put("size", MAX_MATCHES).put("_source", false);
        ObjectNode bool = request.putObject("query").putObject("bool");
        ArrayNode documents = bool.withArray("filter")
                .addObject()
                .putObject("percolate")
                .put("field", "query")
                .putArray("documents");
        articleDocuments.forEach(documents::add);
        bool.withArray("filter").addObject().putObject("term").put("active", true);
        JsonNode answer = engine.call("POST", "/" + alias() + "/_search", Map.of(), request);
        for (JsonNode hit : answer.path("hits").path("hits")) {
            UUID id = UUID.fromString(hit.path("_id").asText());
            JsonNode slots = hit.path("fields").path("_percolator_document_slot");
            if (!slots.isArray() || slots.isEmpty()) {
                throw new IllegalStateException("percolate hit " + id + " without _percolator_document_slot");
            }
            slots.forEach(slot -> matched.get(slot.asInt()).add(id));
        }
        return matched;
    }

    /** The percolator document of a subscription as PostgreSQL stores it. */
    public Document document(Subscription s) {
        return new Document(s.id(), Json.stored(mapper, s.compiled()), s.active(), s.revision());
    }

    /** A subscription's percolator document: its compiled query, whether it is active, and its revision. */
    public record Document(UUID id, JsonNode compiled, boolean active, long revision) {}
}
