package io.newsgraph.gateway.security;

import io.newsgraph.common.problem.ProblemResponses;
import io.newsgraph.gateway.config.GatewayConfig;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * API key check, scope check and rate limit for every /api call, before any body is read or any upstream
 * is contacted (the rate limit may ask the shared store, without blocking). Runs after Quarkus' CORS filter (order -300) so that preflights need no key.
 */
@Singleton
public class AccessFilter {
    public static final int ORDER = -150;
    static final String API_KEY_HEADER = "X-API-Key";
    /** Where the authenticated {@link ApiKey} is kept on the routing context (the proxy names it upstream). */
    public static final String KEY = "newsgraph.apiKey";

    private static final Logger LOG = Logger.getLogger(AccessFilter.class);
    private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Bearer realm=\"newsgraph\"");

    private final ApiKeys keys;
    private final RateLimiter limiter;
    private final GatewayConfig config;

    AccessFilter(ApiKeys keys, RateLimiter limiter, GatewayConfig config) {
        this.keys = keys;
        this.limiter = limiter;
        this.config = config;
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(this::check);
        if (!config.publicDocs()) {
            router.routeWithRegex("/q/(openapi|swagger-ui).*").order(ORDER).handler(this::check);
        }
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        String presented = presentedKey(request);
        if (presented == null) {
            ProblemResponses.send(
                    context,
                    401,
                    "unauthenticated",
                    "API key required",
                    "Send your key in the X-API-Key header or as Authorization: Bearer <key>",
                    CHALLENGE);
            return;
        }
        Optional<ApiKey> key = keys.find(presented);
        if (key.isEmpty()) {
            ProblemResponses.send(
                    context,
                    401,
                    "unauthenticated",
                    "API key not accepted",
                    keys.none()
                            ? "This gateway has no API keys configured and refuses every call"
                            : "The API key is unknown or revoked",
                    CHALLENGE);
            return;
        }
        Scope needed = Scope.requiredFor(request.method(), request.path());
        if (!key.get().allows(needed)) {
            LOG.infof(
                    "key %s lacks scope %s for %s %s",
                    key.get().name(), needed.label(), request.method(), request.path());
            ProblemResponses.send(
                    context,
                    403,
                    "forbidden",
                    "Scope missing",
                    "This operation needs the '" + needed.label() + "' scope, which the key does not have");
            return;
        }
        context.put(KEY, key.get());
        MDC.put("apiKey", key.get().name());
        context.addEndHandler(done -> MDC.remove("apiKey"));
        // The decision may need a round trip to the shared store. The body waits meanwhile: Quarkus keeps the request
        // paused until a handler reads it (the proxy, or JAX-RS for the composed reads).
        limiter.take(key.get(), needed).onComplete(outcome -> decide(context, outcome.result()));
    }

    private static void decide(RoutingContext context, RateLimiter.Decision decision) {
        context.response()
                .putHeader("RateLimit-Policy", decision.policyHeader())
                .putHeader("RateLimit", decision.limitHeader());
        if (!decision.allowed()) {
            ProblemResponses.send(
                    context,
                    429,
                    "rate-limited",
                    "Too many requests",
                    "The key's '" + decision.policy() + "' quota of " + decision.quota() + " requests per "
                            + decision.windowSeconds() + " s is used up; retry after " + decision.retryAfterSeconds()
                            + " s",
                    Map.of("Retry-After", String.valueOf(decision.retryAfterSeconds())));
            return;
        }
        context.next();
    }

    private static String presentedKey(HttpServerRequest request) {
        String key = request.getHeader(API_KEY_HEADER);
        if (key != null && !key.isBlank()) {
            return key.trim();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            return token.isEmpty() ? null : token;
        }
        return null;
    }
}
