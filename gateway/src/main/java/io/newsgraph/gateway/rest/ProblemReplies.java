package io.newsgraph.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsgraph.common.http.RequestIds;
import io.newsgraph.common.problem.Problem;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * problem+json answers written by the gateway's Vert.x handlers (auth, limits, proxy). Unlike common's
 * ProblemResponses it keeps the connection open when no request body is left unread, so that clients
 * hitting a 401/429 do not pay for a new connection each time.
 */
public final class ProblemReplies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemReplies() {
    }

    public static void send(RoutingContext context, int status, String slug, String title, String detail) {
        send(context, status, slug, title, detail, Map.of());
    }

    public static void send(RoutingContext context, int status, String slug, String title, String detail,
                            Map<String, String> headers) {
        HttpServerResponse response = context.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            context.request().connection().close(); // too late for a status: cut the exchange instead
            return;
        }
        HttpServerRequest request = context.request();
        Problem problem = new Problem(Problem.type(slug), title, status, detail, request.path(), RequestIds.of(context), null);
        String body;
        try {
            body = JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Problem always serialises", e);
        }
        headers.forEach(response::putHeader);
        if (unreadBody(request)) {
            response.putHeader("Connection", "close");
        }
        response.setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
    }

    private static boolean unreadBody(HttpServerRequest request) {
        if (request.isEnded()) {
            return false;
        }
        String length = request.getHeader("Content-Length");
        return request.getHeader("Transfer-Encoding") != null || (length != null && !length.trim().equals("0"));
    }
}
