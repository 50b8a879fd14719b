package io.newsgraph.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How alert-service follows article-service's change feed, delivers webhooks and serves event streams. */
@ConfigMapping(prefix = "newsgraph")
public interface AlertConfig {

    Articles articles();

    Feed feed();

    Webhooks webhooks();

    Streams streams();

    interface Articles {
        /** Base URL of article-service (env NEWSGRAPH_ARTICLES_URL); the REST client `articles` uses it. */
        String url();
    }

    interface Feed {
        /** How long the follower waits after the feed had nothing new: bounds the lag from analysis to match. */
        @WithDefault("250ms")
        Duration pollInterval();

        /** Events asked for per feed request. */
        @WithDefault("100")
        int pageSize();
    }

    interface Webhooks {
        /** Deliveries in flight per replica; each subscription has at most one of them (a slow endpoint holds one). */
        @WithDefault("8")
        int workers();

        /** Connect + answer time of one attempt. */
        @WithDefault("5s")
        Duration timeout();

        /** Delay after the first failed attempt; doubled per further attempt (with jitter) up to {@link #maxBackoff}. */
        @WithDefault("5s")
        Duration initialBackoff();

        @WithDefault("2h")
        Duration maxBackoff();

        /** How long a delivery is retried before it is parked (Standard Webhooks: at least a day). */
        @WithDefault("26h")
        Duration retryFor();

        /** How long an idle worker waits for due deliveries when nothing woke it. */
        @WithDefault("500ms")
        Duration pollInterval();

        /**
         * Networks (CIDR) webhook URLs may point into although they are loopback, private or link-local. Empty: public
         * addresses only (the SSRF guard). Never set in Kubernetes.
         */
        Optional<List<String>> allowedNetworks();
    }

    interface Streams {
        /** A comment line is sent this often on an idle stream, so that proxies keep it open and clients see it alive. */
        @WithDefault("15s")
        Duration heartbeat();

        /** Open event streams per API key; more answer 429. */
        @WithDefault("5")
        int maxPerKey();
    }
}
