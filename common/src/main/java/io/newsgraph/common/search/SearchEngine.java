package io.newsgraph.common.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * OpenSearch's REST API as JSON trees, over the configured client (auth, TLS, pooling, timeouts). Requests are
 * written as the OpenSearch documentation shows them, which keeps queries, mappings and aggregations readable.
 * Failures the cluster is not to blame for come back as {@link SearchRejectedException} (4xx); everything else —
 * refused connections, timeouts, 429 and 5xx — as {@link SearchUnavailableException}.
 */
@ApplicationScoped
public class SearchEngine {
    @Inject
    OpenSearchClient client;

    @Inject
    ObjectMapper mapper;

    @Inject
    SearchConfig config;

    /** The full name of an index or alias: the configured prefix + {@code name}. */
    public String name(String name) {
        return config.index(name);
    }

    public ObjectNode object() {
        return mapper.createObjectNode();
    }

    public JsonNode get(String path) {
        return call("GET", path, Map.of(), null);
    }

    public JsonNode call(String method, String path, Map<String, String> query, JsonNode body) {
        var request = Requests.builder().method(method).endpoint(path).query(query);
        if (body != null) {
            request.body(Body.from(bytes(body), "application/json"));
        }
        return execute(request);
    }

    /** True when the index, alias or document at {@code path} exists (HEAD). */
    public boolean exists(String path) {
        try (Response response = client.generic()
                .execute(Requests.builder().method("HEAD").endpoint(path).build())) {
            if (response.getStatus() >= 500 || response.getStatus() == 429) {
                throw new SearchUnavailableException("HEAD " + path + " answered " + response.getStatus(), null);
            }
            return response.getStatus() == 200;
        } catch (IOException e) {
            throw new SearchUnavailableException("HEAD " + path + ": " + e, e);
        }
    }

    /**
     * One {@code _bulk} request of action/document line pairs; returns OpenSearch's answer, whose {@code items} say
     * per operation what happened (the caller decides which item errors are fine, e.g. version conflicts).
     */
    public JsonNode bulk(List<JsonNode> lines, Map<String, String> query) {
        return ndjson("/_bulk", lines, query);
    }

    /**
     * One {@code _msearch} request of header/body line pairs: several searches in one round trip. The answer's
     * {@code responses} hold one result per search, in order; a search that failed has an {@code error} there (the
     * request as a whole still succeeds).
     */
    public JsonNode msearch(List<JsonNode> lines) {
        return ndjson("/_msearch", lines, Map.of());
    }

    private JsonNode ndjson(String endpoint, List<JsonNode> lines, Map<String, String> query) {
        ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
        for (JsonNode line : lines) {
            ndjson.writeBytes(bytes(line));
            ndjson.write('\n');
        }
        return execute(Requests.builder()
                .method("POST")
                .endpoint(endpoint)
                .query(query)
                .body(Body.from(ndjson.toByteArray(), "application/x-ndjson")));
    }

    private JsonNode execute(Requests.JsonBodyBuilder request) {
        var built = request.build();
        try (Response response = client.generic().execute(built)) {
            int status = response.getStatus();
            JsonNode body = response.getBody().isEmpty()
                    ? mapper.createObjectNode()
                    : mapper.readTree(response.getBody().get().bodyAsBytes());
            if (status >= 500 || status == 429) {
                throw new SearchUnavailableException(
                        built.getMethod() + " " + built.getEndpoint() + " answered " + status + ": " + reason(body),
                        null);
            }
            if (status >= 400) {
                throw new SearchRejectedException(status, reason(body), body);
            }
            return body;
        } catch (IOException e) {
            throw new SearchUnavailableException(built.getMethod() + " " + built.getEndpoint() + ": " + e, e);
        }
    }

    /** The root cause OpenSearch gives for an error, e.g. {@code index_not_found_exception: no such index [x]}. */
    static String reason(JsonNode body) {
        JsonNode error = body.path("error");
        JsonNode cause = error.path("root_cause").path(0);
        JsonNode shown = cause.isMissingNode() ? error : cause;
        return shown.isTextual()
                ? shown.asText()
                : shown.path("type").asText("") + ": " + shown.path("reason").asText("");
    }

    private byte[] bytes(JsonNode node) {
        try {
            return mapper.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable: " + e.getOriginalMessage(), e);
        }
    }
}
