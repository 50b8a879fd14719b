package io.newsgraph.gateway.security;

import io.vertx.core.http.HttpMethod;
import java.util.Locale;

/**
 * What a key may do. {@code admin} includes the others. {@code subscriptions:write} creates and changes saved searches
 * (their webhooks make this service call out to URLs the key chooses): separate from {@code write}, so that a key that
 * ingests articles does not also get that; reading subscriptions, their matches and streams needs {@code read}.
 */
public enum Scope {
    READ("read"),
    WRITE("write"),
    ADMIN("admin"),
    SUBSCRIPTIONS_WRITE("subscriptions:write");

    private static final String SUBSCRIPTIONS = "/api/v1/subscriptions";
    private final String label;

    Scope(String label) {
        this.label = label;
    }

    public static Scope parse(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (Scope scope : values()) {
            if (scope.label.equals(wanted)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("unknown scope '" + value.trim() + "'");
    }

    /**
     * Safe methods read, and so does {@code POST /api/v1/search} (a search sent as JSON because it is too long for a
     * URL); changes under {@code /api/v1/subscriptions} need {@code subscriptions:write}; everything else
     * (POST/PUT/PATCH/DELETE, incl. alias and merge corrections) writes.
     */
    public static Scope requiredFor(HttpMethod method, String path) {
        boolean safe = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
        if (safe || method == HttpMethod.POST && "/api/v1/search".equals(path)) {
            return READ;
        }
        return path.equals(SUBSCRIPTIONS) || path.startsWith(SUBSCRIPTIONS + "/") ? SUBSCRIPTIONS_WRITE : WRITE;
    }

    public String label() {
        return label;
    }
}
