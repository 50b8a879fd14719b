package io.newsgraph.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsgraph.common.http.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * What an upstream answered to a composition call: its status, content type and JSON body as a tree (the
 * gateway does not duplicate the services' DTOs), or, when it could not answer, why not.
 */
public record UpstreamReply(int status, String contentType, JsonNode body, String unavailable) {
    static UpstreamReply of(Response response) {
        String text = response.hasEntity() ? response.readEntity(String.class) : null;
        JsonNode body = null;
        if (text != null && !text.isEmpty()) {
            try {
                body = Json.mapper().readTree(text);
            } catch (IOException e) {
                body = null; // not JSON: the status still tells the story
            }
        }
        MediaType type = response.getMediaType();
        return new UpstreamReply(response.getStatus(), type == null ? null : type.toString(), body, null);
    }

    static UpstreamReply unavailable(String reason) {
        return new UpstreamReply(0, null, null, reason);
    }

    public boolean ok() {
        return unavailable == null && status >= 200 && status < 300 && body != null;
    }
}
