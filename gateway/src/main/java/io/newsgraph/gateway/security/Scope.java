package io.newsgraph.gateway.security;

import io.vertx.core.http.HttpMethod;
import java.util.Locale;

/** What a key may do. {@code admin} includes the other two. */
public enum Scope {
    READ, WRITE, ADMIN;

    public static Scope parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    /** Safe methods read; everything else (POST/PUT/PATCH/DELETE, incl. alias and merge corrections) writes. */
    public static Scope requiredFor(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS ? READ : WRITE;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
