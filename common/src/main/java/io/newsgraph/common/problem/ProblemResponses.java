package io.newsgraph.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.newsgraph.common.http.Json;
import io.newsgraph.common.http.RequestIds;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * The one writer of problem+json on a Vert.x response, for the filters and handlers outside JAX-RS (JAX-RS answers
 * go through {@link ProblemMappers}, serialised by the same ObjectMapper). It keeps the connection open unless a
 * request body is left unread, so that clients hitting a 401/429 do not pay for a new connection each time.
 */
public final class ProblemResponses {

    private ProblemResponses() {}

    /** A problem of type {@code https://newsgraph.io/problems/<slug>} for this request. */
    public static void send(RoutingContext context, int status, String slug, String title, String detail) {
        send(context, status, slug, title, detail, Map.of());
    }

    public static void send(
            RoutingContext context, int status, String slug, String title, String detail, Map<String, String> headers) {
        send(
                context,
                new Problem(
                        Problem.type(slug),
                        title,
                        status,
                        detail,
                        context.request().path(),
                        RequestIds.of(context),
                        null),
                headers);
    }

    public static void send(RoutingContext context, Problem problem) {
        send(context, problem, Map.of());
    }

    public static void send(RoutingContext context, Problem problem, Map<String, String> headers) {
        HttpServerResponse response = context.response();
        HttpServerRequest request = context.request();
        if (response.headWritten() || response.ended() || response.closed()) {
            request.connection().close(); // too late for a status: cut the exchange instead
            return;
        }
        String body;
        try {
            body = Json.mapper().writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Problem always serialises", e);
        }
        headers.forEach(response::putHeader);
        if (unreadBody(request)) {
            response.putHeader("Connection", "close");
        }
        response.setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(body);
    }

    private static boolean unreadBody(HttpServerRequest request) {
        if (request.isEnded()) {
            return false;
        }
        String length = request.getHeader("Content-Length");
        return request.getHeader("Transfer-Encoding") != null
                || (length != null && !length.trim().equals("0"));
    }
}
