package io.newsgraph.gateway.security;

import io.vertx.core.http.HttpMethod;
import java.util.Locale;

/** What a key may do. {@code admin} includes the other two. */
public enum Scope {
    READ, WRITE, ADMIN;

    public static Scope parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    /**
     * Safe methods read, and so does {@code POST /api/v1/search} (a search sent as JSON because it is too long for a
     * URL); everything else (POST/PUT/PATCH/DELETE, incl. alias and merge corrections) writes.
     */
    public static Scope requiredFor(HttpMethod method, String path) {
        boolean safe = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
        return safe || method == HttpMethod.POST && "/api/v1/search".equals(path) ? READ : WRITE;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
