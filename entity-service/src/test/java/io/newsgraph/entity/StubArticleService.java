package io.newsgraph.entity;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * article-service played by WireMock: the answers to entity summary pushes (204, 404, 409, 400, 503) cannot be had
 * from the real service before it implements the internal operation. The real exchange is FeedEndToEndIT's.
 */
public class StubArticleService implements QuarkusTestResourceLifecycleManager {
    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(
                options().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true));
        server.start();
        return Map.of("newsgraph.articles.url", server.baseUrl());
    }

    @Override
    public void stop() {
        server.stop();
    }

    /** The test application with article-service stubbed. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StubArticleService.class));
        }
    }
}
