package io.newsgraph.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeysTests {
    private static final Optional<String> LOCAL = Optional.of("local-dev-key");

    @Test
    void acceptsOnlyConfiguredHashes() {
        String spec = "reader:" + ApiKeys.sha256("r-key") + ":read, ops:"
                + ApiKeys.sha256("o-key").toUpperCase() + ":read+write+admin";
        ApiKeys keys = new ApiKeys(Optional.of(spec), LOCAL, List.of("prod"));
        assertEquals(
                new ApiKey("reader", EnumSet.of(Scope.READ)), keys.find("r-key").orElseThrow());
        assertEquals(
                EnumSet.of(Scope.READ, Scope.WRITE, Scope.ADMIN),
                keys.find("o-key").orElseThrow().scopes());
        assertEquals(
                EnumSet.of(Scope.READ, Scope.SUBSCRIPTIONS_WRITE),
                new ApiKeys(
                                Optional.of("s:" + ApiKeys.sha256("s-key") + ":read+subscriptions:write"),
                                LOCAL,
                                List.of("prod"))
                        .find("s-key")
                        .orElseThrow()
                        .scopes());
        assertTrue(keys.find("local-dev-key").isEmpty());
        assertTrue(keys.find(ApiKeys.sha256("r-key")).isEmpty(), "the hash itself is not a key");
    }

    @Test
    void localKeyOnlyInLocalProfilesAndOnlyWithoutConfiguredKeys() {
        assertTrue(new ApiKeys(Optional.empty(), LOCAL, List.of("dev"))
                .find("local-dev-key")
                .isPresent());
        assertTrue(new ApiKeys(Optional.empty(), LOCAL, List.of("local"))
                .find("local-dev-key")
                .isPresent());
        ApiKeys prod = new ApiKeys(Optional.empty(), LOCAL, List.of("prod"));
        assertFalse(prod.find("local-dev-key").isPresent(), "never a default key in prod");
        assertTrue(prod.none());
        assertTrue(new ApiKeys(Optional.of("a:" + ApiKeys.sha256("x") + ":read"), LOCAL, List.of("dev"))
                .find("local-dev-key")
                .isEmpty());
    }

    @Test
    void rejectsMalformedEntriesWithoutEchoingThem() {
        IllegalArgumentException plain =
                assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse("svc:my-plain-secret:read"));
        assertFalse(plain.getMessage().contains("my-plain-secret"));
        assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse("svc:" + ApiKeys.sha256("x") + ":root"));
    }

    @Test
    void methodsMapToScopes() {
        assertEquals(Scope.READ, Scope.requiredFor(io.vertx.core.http.HttpMethod.GET, "/api/v1/articles"));
        assertEquals(Scope.READ, Scope.requiredFor(io.vertx.core.http.HttpMethod.HEAD, "/api/v1/articles"));
        assertEquals(Scope.WRITE, Scope.requiredFor(io.vertx.core.http.HttpMethod.POST, "/api/v1/articles"));
        assertEquals(Scope.WRITE, Scope.requiredFor(io.vertx.core.http.HttpMethod.PUT, "/api/v1/articles"));
        assertEquals(Scope.WRITE, Scope.requiredFor(io.vertx.core.http.HttpMethod.DELETE, "/api/v1/articles"));
        assertEquals(Scope.READ, Scope.requiredFor(io.vertx.core.http.HttpMethod.POST, "/api/v1/search"));
        assertEquals(Scope.WRITE, Scope.requiredFor(io.vertx.core.http.HttpMethod.PUT, "/api/v1/search"));
        assertEquals(Scope.READ, Scope.requiredFor(io.vertx.core.http.HttpMethod.GET, "/api/v1/suggest"));
        assertEquals(Scope.READ, Scope.requiredFor(io.vertx.core.http.HttpMethod.GET, "/api/v1/trends/entities"));
        assertEquals(
                Scope.READ, Scope.requiredFor(io.vertx.core.http.HttpMethod.GET, "/api/v1/subscriptions/1/events"));
        assertEquals(
                Scope.SUBSCRIPTIONS_WRITE,
                Scope.requiredFor(io.vertx.core.http.HttpMethod.POST, "/api/v1/subscriptions"));
        assertEquals(
                Scope.SUBSCRIPTIONS_WRITE,
                Scope.requiredFor(io.vertx.core.http.HttpMethod.PATCH, "/api/v1/subscriptions/1"));
        assertEquals(
                Scope.SUBSCRIPTIONS_WRITE,
                Scope.requiredFor(io.vertx.core.http.HttpMethod.DELETE, "/api/v1/subscriptions/1"));
        assertEquals(Scope.WRITE, Scope.requiredFor(io.vertx.core.http.HttpMethod.POST, "/api/v1/subscriptionsx"));
        assertEquals(Scope.SUBSCRIPTIONS_WRITE, Scope.parse(" Subscriptions:Write "));
    }
}
