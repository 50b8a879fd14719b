package io.newsgraph.gateway.proxy;

import io.newsgraph.gateway.config.GatewayConfig;
import io.vertx.core.http.HttpClient;

/** One service behind the gateway: its pooled client, base path and guard. */
public record Upstream(
        String name,
        String service,
        GatewayConfig.Upstream config,
        HttpClient client,
        String host,
        int port,
        String basePath,
        UpstreamGuard guard) {}
