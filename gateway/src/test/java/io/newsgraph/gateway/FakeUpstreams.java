package io.newsgraph.gateway;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * article-service, entity-service and alert-service played by WireMock, plus the test keys. One set per test
 * application; tests reach them through {@link #articles()}, {@link #entities()} and {@link #alerts()} and reset stubs
 * as they need.
 */
public class FakeUpstreams implements QuarkusTestResourceLifecycleManager {
    public static final String READ_KEY = "reader-secret";
    public static final String WRITE_KEY = "writer-secret";
    public static final String ADMIN_KEY = "admin-secret";
    public static final String SUBSCRIBER_KEY = "subscriber-secret";
    private static WireMockServer articles;
    private static WireMockServer entities;
    private static WireMockServer alerts;

    public static WireMockServer articles() {
        return articles;
    }

    public static WireMockServer entities() {
        return entities;
    }

    public static WireMockServer alerts() {
        return alerts;
    }

    @Override
    public Map<String, String> start() {
        // Fixed ports, so that a test can stop a fake and start it again where the gateway expects it.
        articles = new WireMockServer(
                options().port(freePort()).bindAddress("127.0.0.1").gzipDisabled(true));
        entities = new WireMockServer(
                options().port(freePort()).bindAddress("127.0.0.1").gzipDisabled(true));
        alerts = new WireMockServer(
                options().port(freePort()).bindAddress("127.0.0.1").gzipDisabled(true));
        articles.start();
        entities.start();
        alerts.start();
        Map<String, String> config = new HashMap<>();
        config.put("newsgraph.gateway.upstreams.articles.url", articles.baseUrl());
        config.put("newsgraph.gateway.upstreams.entities.url", entities.baseUrl());
        config.put("newsgraph.gateway.upstreams.alerts.url", alerts.baseUrl());
        config.put("newsgraph.gateway.upstreams.articles.timeout", "1500ms");
        config.put("newsgraph.gateway.upstreams.entities.timeout", "1500ms");
        config.put(
                "newsgraph.gateway.api-keys",
                String.join(
                        ",",
                        "reader:" + sha256(READ_KEY) + ":read",
                        "writer:" + sha256(WRITE_KEY) + ":read+write",
                        "ops:" + sha256(ADMIN_KEY) + ":admin",
                        "subscriber:" + sha256(SUBSCRIBER_KEY) + ":read+subscriptions:write"));
        config.put("quarkus.http.limits.max-body-size", "64K");
        config.put("newsgraph.gateway.upstreams.entities.max-body-size", "16K");
        // Short composition timeouts keep the degraded-path tests fast.
        config.put("io.newsgraph.gateway.client.EntityClient/analysis/Timeout/value", "500");
        config.put("io.newsgraph.gateway.client.ArticleClient/article/Timeout/value", "500");
        return config;
    }

    @Override
    public void stop() {
        articles.stop();
        entities.stop();
        alerts.stop();
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(String key) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
