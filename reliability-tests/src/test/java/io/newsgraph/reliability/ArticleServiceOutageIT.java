package io.newsgraph.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsgraph.reliability.support.Results;
import io.newsgraph.reliability.support.Stack;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * article-service stopped: the gateway answers 503 problem+json with Retry-After well within its timeout, the
 * composed reads degrade as designed (docs/gateway.md "Composition"), the circuit opens, and after article-service
 * is back it closes again (circuit delay 3 s in this stack).
 */
@Order(6)
class ArticleServiceOutageIT {

    @Test
    void gatewayDegradesAndTheCircuitOpensAndCloses() {
        Stack stack = Stack.shared();
        String article = stack.getJson("/api/v1/articles?limit=1")
                .get("items")
                .get(0)
                .get("id")
                .asText();
        String entity = stack.getJson("/api/v1/entities?limit=1")
                .get("items")
                .get(0)
                .get("id")
                .asText();
        stack.articles.close();

        long t0 = System.nanoTime();
        HttpResponse<String> down = stack.send(stack.gatewayRequest("/api/v1/articles?limit=5", Stack.ADMIN_KEY)
                .GET());
        double firstMs = (System.nanoTime() - t0) / 1e6;
        assertEquals(503, down.statusCode(), down.body());
        assertTrue(down.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(down.headers().firstValue("Retry-After").isPresent(), "Retry-After");
        assertTrue(firstMs < 5000, "503 within the 5 s timeout: " + firstMs);

        HttpResponse<String> composedArticle =
                stack.send(stack.gatewayRequest("/api/v1/articles/" + article + "?include=analysis", Stack.ADMIN_KEY)
                        .GET());
        assertEquals(
                503,
                composedArticle.statusCode(),
                "article + analysis with article-service down: " + composedArticle.body());
        HttpResponse<String> composedEntity =
                stack.send(stack.gatewayRequest("/api/v1/entities/" + entity, Stack.ADMIN_KEY)
                        .GET());
        assertEquals(200, composedEntity.statusCode(), composedEntity.body());
        JsonNode entityJson = Stack.readTree(composedEntity.body());
        assertTrue(
                entityJson.path("warnings").size() > 0
                        || entityJson.path("recentArticles").isEmpty(),
                "entity degrades with a warning: " + entityJson);
        entityJson
                .path("recentArticles")
                .forEach(a -> assertTrue(a.get("title").isNull(), "title unknown: " + entityJson));
        assertEquals(
                200,
                stack.send(stack.gatewayRequest("/api/v1/entities?limit=2", Stack.ADMIN_KEY)
                                .GET())
                        .statusCode(),
                "entity-service routes unaffected");

        // Open the circuit: half of the last 20 outcomes failed.
        for (int i = 0; i < 25 && !"open".equals(circuit(stack)); i++) {
            stack.send(stack.gatewayRequest("/api/v1/articles?limit=5", Stack.ADMIN_KEY)
                    .GET());
        }
        assertEquals("open", circuit(stack));
        long t1 = System.nanoTime();
        HttpResponse<String> open = stack.send(stack.gatewayRequest("/api/v1/articles?limit=5", Stack.ADMIN_KEY)
                .GET());
        double openMs = (System.nanoTime() - t1) / 1e6;
        assertEquals(503, open.statusCode());
        assertTrue(open.body().contains("stopped calling"), open.body());
        long retryAfter =
                Long.parseLong(open.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(
                retryAfter >= 1 && retryAfter <= Stack.ARTICLES_CIRCUIT_DELAY.toSeconds(), "Retry-After " + retryAfter);

        long restart = System.nanoTime();
        stack.articles.start();
        double readyS = (System.nanoTime() - restart) / 1e9;
        long ready = System.nanoTime();
        Awaitility.await("gateway serves article-service again")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> stack.send(stack.gatewayRequest("/api/v1/articles?limit=5", Stack.ADMIN_KEY)
                                        .GET())
                                .statusCode()
                        == 200);
        double servedS = (System.nanoTime() - ready) / 1e9;
        assertEquals("closed", circuit(stack));
        // The composed read goes through the composition client, whose SmallRye circuit breaker has its own 10 s delay.
        Awaitility.await("composed read served again")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> stack.send(stack.gatewayRequest(
                                                "/api/v1/articles/" + article + "?include=analysis", Stack.ADMIN_KEY)
                                        .GET())
                                .statusCode()
                        == 200);
        double composedS = (System.nanoTime() - ready) / 1e9;

        Results.record(
                "article-service-down",
                "first 503 (problem+json, Retry-After) after",
                String.format(java.util.Locale.ROOT, "%.0f ms", firstMs),
                "< 5000 ms (timeout)");
        Results.record(
                "article-service-down",
                "composition",
                "article?include=analysis 503; entity 200 with warnings " + entityJson.path("warnings"),
                "as docs/gateway.md");
        Results.record(
                "article-service-down",
                "circuit open: 503 without calling after",
                String.format(java.util.Locale.ROOT, "%.1f ms, Retry-After %d s", openMs, retryAfter),
                "");
        Results.record(
                "article-service-down",
                "restart to ready; ready to served and circuit closed",
                String.format(java.util.Locale.ROOT, "%.1f s; %.1f s", readyS, servedS),
                "closes after restart");
        Results.record(
                "article-service-down",
                "ready to composed article?include=analysis served again",
                String.format(java.util.Locale.ROOT, "%.1f s", composedS),
                "composition breaker delay 10 s");
    }

    /** A failed assertion above must not leave article-service down for the fault tests that run after this one. */
    @AfterEach
    void articleServiceRunsAgain() {
        Stack stack = Stack.shared();
        if (!stack.articles.isRunning()) {
            stack.articles.start();
        }
    }

    private static String circuit(Stack stack) {
        return Stack.upstreamsHealth(stack.http, stack.gateway.url())
                .path("article-service.circuit")
                .asText();
    }
}
