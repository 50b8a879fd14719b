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

    IndexSync indexSync();

    /** Read by the @Scheduled expressions of IndexSync and PercolatorRebuild (durations, or `off`). */
    interface IndexSync {
        /** How often subscriptions whose percolator document is behind are written again. */
        @WithDefault("5s")
        String interval();

        /** How often the percolator index's articles mapping generation is compared with article-service's. */
        @WithDefault("60s")
        String mappingCheck();
    }

    interface Articles {
        /** Base URL of article-service (env NEWSGRAPH_ARTICLES_URL); the REST client `articles` uses it. */
        String url();

        /**
         * Full name of article-service's `articles` alias, which ad-hoc streams search (env NEWSGRAPH_ARTICLES_INDEX).
         * Absent: `articles` with this service's own index prefix (both services share the cluster and the prefix).
         */
        Optional<String> index();
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
        /**
         * Webhook attempts in flight per replica, each on its own virtual thread; a subscription has at most one of them,
         * so an endpoint that hangs holds one until the timeout while the others carry on.
         */
        @WithDefault("64")
        int concurrency();

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

        /** Open event streams per API key (subscription and ad-hoc streams together, per replica); more answer 429. */
        @WithDefault("5")
        int maxPerKey();

        /**
         * How far back an ad-hoc stream resumes from `Last-Event-ID`, in change-feed events: an older id resumes this
         * many events before the replica's feed position, after a `stream.gap` event.
         */
        @WithDefault("10000")
        int replayWindow();

        /** Events an ad-hoc stream may have waiting for a slow client; beyond it the stream is closed (the client resumes). */
        @WithDefault("1000")
        int queueSize();

        /**
         * How long ad-hoc matching waits for the articles index to hold an analysed version before it asks article-service
         * whether the article still exists at that version (deleted or replaced: skipped; otherwise it keeps waiting).
         */
        @WithDefault("5s")
        Duration indexWait();

        /** Most distinct ad-hoc queries in one search of a batch's articles (more: further searches in the same _msearch). */
        @WithDefault("100")
        int queriesPerSearch();
    }
}
