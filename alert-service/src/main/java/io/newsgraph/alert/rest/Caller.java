package io.newsgraph.alert.rest;

import io.newsgraph.common.problem.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Who calls: the name of the API key the gateway authenticated, in {@value #HEADER}. The gateway sets it on every proxied
 * request and drops any copy a client sends; only the gateway reaches this service (NetworkPolicy).
 */
final class Caller {
    static final String HEADER = "X-Newsgraph-Key";
    private static final int MAX_LENGTH = 200;

    private Caller() {}

    static String owner(HttpHeaders headers) {
        String key = headers.getHeaderString(HEADER);
        if (key == null || key.isBlank() || key.length() > MAX_LENGTH) {
            throw new ProblemException(
                    401,
                    "unauthenticated",
                    "Unauthenticated",
                    "No API key: subscriptions are reached through the gateway, which names the caller's key");
        }
        return key.strip();
    }
}
