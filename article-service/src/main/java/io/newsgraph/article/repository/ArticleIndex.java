package io.newsgraph.article.repository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsgraph.common.search.SearchEngine;
import io.newsgraph.common.search.SearchRejectedException;
import io.newsgraph.common.search.SearchUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The `articles` OpenSearch index: an alias over a versioned index ({@code articles-v1}, {@code -v2} after a
 * rebuild...). article-service is its only writer. Every write carries an external version - the change-feed
 * position it comes from - so a write never replaces a newer one, and replaying a batch changes nothing.
 */
@ApplicationScoped
public class ArticleIndex {
    public static final String ALIAS = "articles";
    private static final Logger LOG = Logger.getLogger(ArticleIndex.class);
    private static final Pattern VERSIONED = Pattern.compile("-v(\\d+)$");

    @Inject
    SearchEngine engine;

    @Inject
    ObjectMapper mapper;

    /** The alias's full name (with the configured prefix). */
    public String alias() {
        return engine.name(ALIAS);
    }

    /**
     * Creates the first versioned index behind the alias when there is none; true when it did (the index is empty).
     * An existing index built from an older mapping keeps working (mapping changes only add sub-fields, so documents
     * still fit it) but lacks what the new mapping adds until a rebuild: that is logged once per start.
     */
    public boolean ensure() {
        if (engine.exists("/" + alias())) {
            int live = engine.get("/" + alias() + "/_mapping")
                    .elements()
                    .next()
                    .path("mappings")
                    .path("_meta")
                    .path("mapping")
                    .asInt(1);
            if (live < mappingVersion()) {
                LOG.warnf(
                        "search index %s has mapping %d, this version ships mapping %d: run POST /internal/search/rebuild "
                                + "(until then suggestions and other new fields find nothing)",
                        current(), live, mappingVersion());
            }
            return false;
        }
        try {
            create(alias() + "-v1", true);
            return true;
        } catch (SearchRejectedException e) {
            if (e.getMessage().contains("resource_already_exists_exception")) {
                return false; // another replica created it meanwhile
            }
            throw e;
        }
    }

    /** The versioned index behind the alias. */
    public String current() {
        JsonNode aliases = engine.get("/_alias/" + alias());
        return aliases.fieldNames().next();
    }

    /** A new empty versioned index after the current one, not yet behind the alias (for a rebuild). */
    public String createNext() {
        Matcher m = VERSIONED.matcher(current());
        int next = m.find() ? Integer.parseInt(m.group(1)) + 1 : 2;
        String name = alias() + "-v" + next;
        if (engine.exists("/" + name)) {
            engine.call("DELETE", "/" + name, Map.of(), null); // left over by an interrupted rebuild
        }
        create(name, false);
        return name;
    }

    /** Points the alias at {@code index} in one atomic step and deletes the index it pointed at before. */
    public void swap(String index) {
        String old = current();
        ObjectNode actions = engine.object();
        ArrayNode list = actions.putArray("actions");
        list.addObject().putObject("remove").put("index", old).put("alias", alias());
        list.addObject().putObject("add").put("index", index).put("alias", alias());
        engine.call("POST", "/_aliases", Map.of(), actions);
        engine.call("DELETE", "/" + old, Map.of(), null);
    }

    /** The mapping generation of articles-index.json ({@code mappings._meta.mapping}); raised with every mapping change. */
    public int mappingVersion() {
        return definition().path("mappings").path("_meta").path("mapping").asInt();
    }

    /**
     * What an index needs to run queries written for this one on documents shaped like its own: the analysis settings
     * and field mappings (alert-service's percolator index copies them), and the mapping generation they belong to.
     */
    public ObjectNode documentMapping() {
        ObjectNode definition = definition();
        ObjectNode mapping = mapper.createObjectNode();
        mapping.put("mapping", mappingVersion());
        mapping.set("analysis", definition.path("settings").path("analysis"));
        mapping.set("properties", definition.path("mappings").path("properties"));
        return mapping;
    }

    private ObjectNode definition() {
        try (InputStream in = getClass().getResourceAsStream("/search/articles-index.json")) {
            return (ObjectNode) mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void create(String index, boolean withAlias) {
        ObjectNode body = definition();
        if (withAlias) {
            body.putObject("aliases").putObject(alias());
        }
        engine.call("PUT", "/" + index, Map.of(), body);
    }

    /**
     * Writes these documents and deletes these ids in {@code index} (the alias or a versioned index) with external
     * version {@code version}; refreshes when asked so that the writes are searchable on return.
     */
    public void write(
            String index,
            Collection<ArticleDocument> documents,
            Collection<UUID> deleted,
            long version,
            boolean refresh) {
        List<JsonNode> lines = new ArrayList<>();
        for (ArticleDocument document : documents) {
            lines.add(action("index", index, document.id(), version));
            lines.add(mapper.valueToTree(document));
        }
        for (UUID id : deleted) {
            lines.add(action("delete", index, id, version));
        }
        if (lines.isEmpty()) {
            return;
        }
        JsonNode answer = engine.bulk(lines, refresh ? Map.of("refresh", "true") : Map.of());
        if (answer.path("errors").asBoolean()) {
            for (JsonNode item : answer.path("items")) {
                JsonNode result = item.elements().next();
                int status = result.path("status").asInt();
                // 409: a newer version is already there; 404: deleting what is not indexed. Both are the wanted state.
                if (status >= 300 && status != 409 && status != 404) {
                    String reason = result.path("error").path("type").asText() + ": "
                            + result.path("error").path("reason").asText();
                    if (status >= 500 || status == 429) {
                        throw new io.newsgraph.common.search.SearchUnavailableException(
                                "bulk item " + status + " " + reason, null);
                    }
                    throw new IllegalStateException(
                            "OpenSearch refused document " + result.path("_id").asText() + ": " + reason);
                }
            }
        }
    }

    /** The near-duplicate keys these articles are indexed under now (to update the groups they leave). */
    public Map<UUID, String> indexedKeys(String index, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        ObjectNode body = engine.object();
        ArrayNode list = body.putArray("ids");
        ids.forEach(id -> list.add(id.toString()));
        JsonNode answer = engine.call("POST", "/" + index + "/_mget", Map.of("_source_includes", "duplicateKey"), body);
        Map<UUID, String> keys = new HashMap<>();
        for (JsonNode doc : answer.path("docs")) {
            if (doc.path("found").asBoolean()) {
                keys.put(
                        UUID.fromString(doc.path("_id").asText()),
                        doc.path("_source").path("duplicateKey").asText());
            }
        }
        return keys;
    }

    public JsonNode search(ObjectNode request) {
        return engine.call(
                "POST", "/" + alias() + "/_search", Map.of("allow_partial_search_results", "false"), request);
    }

    /**
     * A search for a read that has nothing to say without an index (related, trends, suggest): an empty answer when
     * the index does not exist yet, 503 when the node stopped it at its time limit ({@code what} names the read).
     */
    public JsonNode searchOrEmpty(ObjectNode request, String what) {
        JsonNode answer;
        try {
            answer = search(request);
        } catch (SearchRejectedException e) {
            if (e.status() == 404) {
                return JsonNodeFactory.instance.objectNode();
            }
            throw e;
        }
        if (answer.path("timed_out").asBoolean()) {
            throw new SearchUnavailableException(
                    what + " timed out after " + request.path("timeout").asText(), null);
        }
        return answer;
    }

    public long count() {
        return engine.call("GET", "/" + alias() + "/_count", Map.of(), null)
                .path("count")
                .asLong();
    }

    private ObjectNode action(String kind, String index, UUID id, long version) {
        ObjectNode line = engine.object();
        line.putObject(kind)
                .put("_index", index)
                .put("_id", id.toString())
                .put("version", version)
                .put("version_type", "external_gte");
        return line;
    }
}
