package io.newsgraph.entity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How entity-service consumes article-service's change feed and runs extraction jobs. */
@ConfigMapping(prefix = "newsgraph")
public interface ExtractionConfig {

    Articles articles();

    Feed feed();

    Worker worker();

    QuotesIndex quotesIndex();

    SummaryPush summaryPush();

    interface Articles {
        /** Base URL of article-service (env NEWSGRAPH_ARTICLES_URL); the REST client `articles` uses it. */
        String url();
    }

    interface Feed {
        /** How long the puller waits after the feed had nothing new: bounds the lag from ingest to analysis. */
        @WithDefault("250ms")
        Duration pollInterval();

        /** Events asked for per feed request. */
        @WithDefault("200")
        int pageSize();
    }

    interface Worker {
        /** Worker threads per replica (each runs one job at a time; the CRF uses one core per job). */
        @WithDefault("2")
        int threads();

        /** How long an idle worker waits for due jobs when no wake-up comes (retries becoming due, other replicas). */
        @WithDefault("500ms")
        Duration pollInterval();

        /** Failed attempts after which a job is parked (visible in /api/v1/extraction/status). */
        @WithDefault("5")
        int maxAttempts();

        /** Delay before the first retry; doubled for each further attempt. */
        @WithDefault("2s")
        Duration backoff();
    }

    /** Feeding the OpenSearch quotes index from quotes_index_outbox (docs/search.md "Quotes index"). */
    interface QuotesIndex {
        /** Outbox rows projected per batch (one _bulk and one _delete_by_query). */
        @WithDefault("100")
        int batchSize();

        /** How long the indexer waits when the outbox was empty and no analysis woke it up. */
        @WithDefault("1s")
        Duration pollInterval();

        /** First wait after a failed batch (OpenSearch down or busy); doubled per failure up to {@link #maxBackoff()}. */
        @WithDefault("1s")
        Duration backoff();

        @WithDefault("30s")
        Duration maxBackoff();
    }

    /** Pushing entity summaries to article-service from entity_summary_outbox. */
    interface SummaryPush {
        /** Pushes claimed per round. */
        @WithDefault("20")
        int batchSize();

        /** How long the pusher waits when nothing was due and no analysis woke it up. */
        @WithDefault("1s")
        Duration pollInterval();

        /** First wait after a failed push (5xx, timeout, article-service down); doubled per attempt up to {@link #maxBackoff()}. */
        @WithDefault("2s")
        Duration backoff();

        @WithDefault("5m")
        Duration maxBackoff();
    }
}
