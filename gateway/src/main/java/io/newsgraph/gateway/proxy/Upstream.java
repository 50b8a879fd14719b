package io.newsgraph.gateway.proxy;

import io.newsgraph.gateway.config.GatewayConfig;

/** One service behind the gateway: its pooled clients, base path and guard. */
public record Upstream(
        String name,
        String service,
        GatewayConfig.Upstream config,
        LoopClients clients,
        String host,
        int port,
        String basePath,
        UpstreamGuard guard) {}
