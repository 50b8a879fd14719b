package io.newsgraph.common.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Where the OpenSearch cluster is and how to reach it (env NEWSGRAPH_SEARCH_*; docs/search.md). */
@ConfigMapping(prefix = "newsgraph.search")
public interface SearchConfig {
    /** {@code http(s)://host:port}; scripts/run and the Kubernetes ConfigMap newsgraph-search set it. */
    @WithDefault("http://127.0.0.1:9200")
    String url();

    /** Basic-auth user (Kubernetes: Secret newsgraph-search-credentials); none locally. */
    Optional<String> username();

    Optional<String> password();

    /** PEM file of the CA that signs the cluster's certificate; absent: the JDK's trust store. Host names are always verified. */
    Optional<Path> caFile();

    /** Put before every index and alias name: lets tests (and several deployments) share one cluster. */
    Optional<String> indexPrefix();

    /** Longest wait for a connection. */
    @WithDefault("1s")
    Duration connectTimeout();

    /** Longest wait for an answer: a search slower than this is abandoned (and cancelled on the node by its own timeout). */
    @WithDefault("5s")
    Duration responseTimeout();

    default String index(String name) {
        return indexPrefix().orElse("") + name;
    }
}
