package io.newsgraph.common.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
        return incoming != null && SAFE.matcher(incoming).matches() ? incoming : randomId();
    }

    /**
     * A random (version 4) UUID from the thread's fast generator: an id must be unique, not unpredictable, and
     * {@link UUID#randomUUID()}'s SecureRandom costs a lock and reads of /dev/urandom on every request.
     */
    static String randomId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
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
