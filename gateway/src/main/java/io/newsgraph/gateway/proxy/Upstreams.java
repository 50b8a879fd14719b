package io.newsgraph.gateway.proxy;

import io.newsgraph.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The upstream services, each with its own connection pool, bulkhead and circuit breaker. */
@Singleton
public class Upstreams {
    private final Upstream articles;
    private final Upstream entities;
    private final Upstream alerts;

    Upstreams(Vertx vertx, GatewayConfig config) {
        this.articles =
                create(vertx, "articles", "article-service", config.upstreams().articles());
        this.entities =
                create(vertx, "entities", "entity-service", config.upstreams().entities());
        this.alerts =
                create(vertx, "alerts", "alert-service", config.upstreams().alerts());
    }

    public Upstream articles() {
        return articles;
    }

    public Upstream entities() {
        return entities;
    }

    public Upstream alerts() {
        return alerts;
    }

    public List<Upstream> all() {
        return List.of(articles, entities, alerts);
    }

    @PreDestroy
    void close() {
        all().forEach(u -> u.clients().close());
    }

    private static int eventLoops(Vertx vertx) {
        int loops = 0;
        for (var ignored : vertx.nettyEventLoopGroup()) {
            loops++;
        }
        return Math.max(1, loops);
    }

    private static Upstream create(Vertx vertx, String name, String service, GatewayConfig.Upstream config) {
        URI url = config.url();
        boolean tls = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 80;
        HttpClientOptions options = new HttpClientOptions()
                .setSsl(tls)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                // Far below the services' idle timeout (quarkus.http.idle-timeout, 30 min): the pool drops an idle
                // connection before the service would close it under a request.
                .setKeepAliveTimeout(30)
                .setTcpNoDelay(true)
                .setName("gateway-" + name);
        // max-connections is the gateway's total, shared out among the event loops' clients.
        int loops = eventLoops(vertx);
        PoolOptions pool =
                new PoolOptions().setHttp1MaxSize(Math.max(1, (config.maxConnections() + loops - 1) / loops));
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < loops; i++) {
            clients.add(vertx.createHttpClient(options, pool));
        }
        String basePath = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
        return new Upstream(
                name,
                service,
                config,
                new LoopClients(clients),
                url.getHost(),
                port,
                basePath,
                new UpstreamGuard(config, System::nanoTime));
    }
}
