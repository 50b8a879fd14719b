package io.newsgraph.article.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The search indexer that feeds the `articles` index from the change feed (docs/search.md). */
@ConfigMapping(prefix = "newsgraph.indexer")
public interface IndexerConfig {
    /** Off: nothing is indexed (a replica that only serves reads may leave it on anyway: one replica indexes at a time). */
    @WithDefault("true")
    boolean enabled();

    /** Feed events per _bulk request. */
    @WithDefault("500")
    int batchSize();

    /** How often an idle indexer looks for new feed events. */
    @WithDefault("200ms")
    Duration pollInterval();

    /** Longest wait between retries while OpenSearch is unreachable (doubling from the poll interval). */
    @WithDefault("30s")
    Duration maxBackoff();

    /** Refresh after each batch so that it is searchable on return (tests); production relies on the 1 s refresh interval. */
    @WithDefault("false")
    boolean refresh();
}
