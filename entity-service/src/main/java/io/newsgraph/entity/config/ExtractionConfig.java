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

    interface Articles {
        /** Base URL of article-service (env NEWSGRAPH_ARTICLES_URL); the REST client `articles` uses it. */
        String url();
    }

    interface Feed {
        /** How often the feed is polled when it has nothing new. */
        @WithDefault("1s")
        String pollInterval();

        /** Events asked for per feed request. */
        @WithDefault("200")
        int pageSize();

        /** Pages pulled per scheduler tick at most, so that one tick stays short. */
        @WithDefault("20")
        int maxPagesPerPoll();
    }

    interface Worker {
        /** How often idle workers look for due jobs. */
        @WithDefault("500ms")
        String pollInterval();

        /** Jobs one scheduler tick processes at most before yielding. */
        @WithDefault("50")
        int maxJobsPerPoll();

        /** Failed attempts after which a job is parked (visible in /api/v1/extraction/status). */
        @WithDefault("5")
        int maxAttempts();

        /** Delay before the first retry; doubled for each further attempt. */
        @WithDefault("2s")
        Duration backoff();
    }
}
