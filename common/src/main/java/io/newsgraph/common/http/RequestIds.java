package io.newsgraph.common.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;

/** Request-id conventions shared by the filter and the error mapping. */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    static final String CONTEXT_KEY = "newsgraph.request-id";
    // Accept a caller's id only when it is safe to log and echo (no header injection, bounded size).
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {}

    /** The caller's id when it is safe, otherwise a new random one. */
    public static String acceptOrCreate(String incoming) {
        return incoming != null && SAFE.matcher(incoming).matches()
                ? incoming
                : UUID.randomUUID().toString();
    }

    /** Id of the request being handled (set by {@link RequestIdFilter}). */
    public static String of(RoutingContext context) {
        Object id = context == null ? null : context.get(CONTEXT_KEY);
        return id == null ? null : id.toString();
    }

    public static String of(HttpServerRequest request) {
        return request == null ? null : request.getHeader(HEADER);
    }
}
