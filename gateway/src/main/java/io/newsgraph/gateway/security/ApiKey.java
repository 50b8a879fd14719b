package io.newsgraph.gateway.security;

import java.util.Set;

/** A configured key: its name (for logs and rate-limit buckets) and its scopes. */
public record ApiKey(String name, Set<Scope> scopes) {

    public boolean allows(Scope scope) {
        return scopes.contains(scope) || scopes.contains(Scope.ADMIN);
    }
}
