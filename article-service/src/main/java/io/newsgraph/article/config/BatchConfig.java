package io.newsgraph.article.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of NDJSON batch ingest (the body size limit applies as well: quarkus.http.limits.max-body-size). */
@ConfigMapping(prefix = "newsgraph.batch")
public interface BatchConfig {

    /** Lines (articles) one batch request may hold. */
    @WithDefault("1000")
    int maxLines();
}
