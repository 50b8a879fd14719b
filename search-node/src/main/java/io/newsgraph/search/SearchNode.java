package io.newsgraph.search;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.opensearch.Version;
import org.opensearch.analysis.common.CommonAnalysisModulePlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.index.mapper.MapperExtrasModulePlugin;
import org.opensearch.index.reindex.ReindexModulePlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.percolator.PercolatorModulePlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.transport.Netty4ModulePlugin;

/**
 * A single-node OpenSearch for local runs and tests, from Maven artifacts alone.
 *
 * <p>A distribution loads its modules from folders; here they are on the classpath, and only {@link Node}'s
 * protected constructor accepts classpath plugins. That constructor is not a public API: every OpenSearch
 * upgrade re-checks it by running SearchNodeIT (docs/decisions.md).
 *
 * <p>Usage: {@code SearchNode HOME [HTTP_PORT]}. Data, logs and config live under HOME; HTTP_PORT 0 (the
 * default) binds a free port. Once the node runs, its URL is printed on stdout and written to HOME/http.url.
 * SIGTERM stops the node gracefully; run it with {@code -Dlog4j2.shutdownHookEnabled=false} so that log4j does not stop
 * before the node has logged its close (scripts/opensearch does). Security is off (no security plugin in these artifacts): the node binds
 * to 127.0.0.1 only.
 */
public final class SearchNode extends Node {
    /** The distribution modules this node needs, each listed in docs/search.md with what it is for. */
    static final List<Class<? extends Plugin>> MODULES = List.of(
            Netty4ModulePlugin.class, // HTTP and transport
            CommonAnalysisModulePlugin.class, // analyzers and filters beyond standard: asciifolding, stemmer, ...
            MapperExtrasModulePlugin.class, // scaled_float, rank_feature, search_as_you_type, ...
            ReindexModulePlugin.class, // _reindex, _update_by_query, _delete_by_query (index rebuilds)
            PercolatorModulePlugin.class); // percolate queries (saved searches, issue 15)

    private SearchNode(Environment environment) {
        super(environment, pluginInfos(), true);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: SearchNode HOME [HTTP_PORT]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        String port = args.length > 1 ? args[1] : "0";
        Environment environment = environment(home, port);
        LogConfigurator.configure(environment);

        SearchNode node = new SearchNode(environment);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                node.close();
                                node.awaitClose(30, TimeUnit.SECONDS);
                            } catch (IOException | InterruptedException e) {
                                System.err.println("search node did not stop cleanly: " + e);
                            } finally {
                                stopped.countDown();
                            }
                        },
                        "search-node-stop"));
        node.start();

        InetSocketAddress bound = node.injector()
                .getInstance(HttpServerTransport.class)
                .boundAddress()
                .publishAddress()
                .address();
        String url = "http://" + bound.getHostString() + ":" + bound.getPort();
        Path urlFile = home.resolve("http.url");
        Files.writeString(home.resolve("http.url.tmp"), url + "\n");
        Files.move(
                home.resolve("http.url.tmp"),
                urlFile,
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        System.out.println("search node listening on " + url);
        stopped.await();
    }

    /**
     * Settings of a development node: single-node discovery (no cluster formation, no bootstrap checks),
     * loopback only, and no disk watermarks (a nearly full developer disk must not turn indices read-only).
     */
    static Environment environment(Path home, String httpPort) throws IOException {
        Files.createDirectories(home.resolve("config"));
        Files.createDirectories(home.resolve("logs"));
        try (InputStream log4j = SearchNode.class.getResourceAsStream("/search-node-log4j2.properties")) {
            Files.copy(log4j, home.resolve("config/log4j2.properties"), StandardCopyOption.REPLACE_EXISTING);
        }
        Settings settings = Settings.builder()
                .put("cluster.name", "newsgraph-local")
                .put("node.name", "search-node")
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", httpPort)
                .put("transport.port", "0")
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                // No replicas can be allocated on one node: without this every index would stay yellow.
                .put("cluster.default_number_of_replicas", 0)
                .build();
        return InternalSettingsPreparer.prepareEnvironment(
                settings, java.util.Map.of(), home.resolve("config"), () -> "search-node");
    }

    private static Collection<PluginInfo> pluginInfos() {
        return MODULES.stream()
                .map(plugin -> new PluginInfo(
                        plugin.getSimpleName(),
                        "classpath module",
                        Version.CURRENT.toString(),
                        Version.CURRENT,
                        "21",
                        plugin.getName(),
                        List.of(),
                        false))
                .toList();
    }
}
