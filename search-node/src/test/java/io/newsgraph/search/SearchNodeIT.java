package io.newsgraph.search;

import static io.newsgraph.search.Rest.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the launcher as a process of its own in a temporary folder and uses every module it passes to
 * {@link SearchNode}'s protected {@code Node} constructor. This is the check every OpenSearch upgrade re-runs
 * (docs/decisions.md): the constructor is not a public API.
 */
class SearchNodeIT {
    private static final String NEWS_INDEX = """
            {"settings": {"number_of_shards": 1,
               "analysis": {
                 "filter": {"english_stemmer": {"type": "stemmer", "language": "english"}},
                 "analyzer": {"news": {"tokenizer": "standard", "filter": ["lowercase", "asciifolding", "english_stemmer"]}}}},
             "mappings": {"properties": {
               "title": {"type": "text", "analyzer": "news"},
               "title_suggest": {"type": "search_as_you_type"}}}}""";

    @TempDir
    Path home;

    @Test
    void servesAnalysisSearchPercolationAndReindexAndStopsGracefully() throws Exception {
        Process node = launch();
        try {
            Rest rest = new Rest(awaitUrl(node));
            assertEquals(
                    "green",
                    at(rest.call("GET", "/_cluster/health?wait_for_status=green&timeout=60s", null), "status"));

            rest.call("PUT", "/news", NEWS_INDEX);
            // asciifolding and the English stemmer (analysis-common): spelling and inflection variants meet.
            assertEquals(tokens(rest, "Zürich ministers"), tokens(rest, "zurich minister"));
            rest.call("PUT", "/news/_doc/1?refresh=true", """
                    {"title": "Ministers gathered in Zürich", "title_suggest": "Ministers gathered in Zürich"}""");
            Map<String, Object> found = rest.call("POST", "/news/_search", """
                    {"query": {"match": {"title": {"query": "zurich minister", "operator": "and"}}}}""");
            assertEquals(List.of("1"), ids(found));
            // search_as_you_type (mapper-extras) answers a prefix of the last word.
            Map<String, Object> typed = rest.call("POST", "/news/_search", """
                    {"query": {"multi_match": {"query": "ministers gath", "type": "bool_prefix",
                     "fields": ["title_suggest", "title_suggest._2gram", "title_suggest._3gram"]}}}""");
            assertEquals(List.of("1"), ids(typed));

            // Stored queries matched against a new document (percolator), the mechanism saved searches use.
            rest.call("PUT", "/alerts", """
                    {"settings": {"number_of_shards": 1,
                       "analysis": {"filter": {"english_stemmer": {"type": "stemmer", "language": "english"}},
                         "analyzer": {"news": {"tokenizer": "standard", "filter": ["lowercase", "asciifolding", "english_stemmer"]}}}},
                     "mappings": {"properties": {"query": {"type": "percolator"}, "title": {"type": "text", "analyzer": "news"}}}}""");
            rest.call("PUT", "/alerts/_doc/zurich-ministers", """
                    {"query": {"match": {"title": {"query": "zurich minister", "operator": "and"}}}}""");
            rest.call("PUT", "/alerts/_doc/football?refresh=true", """
                    {"query": {"match": {"title": "football"}}}""");
            Map<String, Object> matched = rest.call("POST", "/alerts/_search", """
                    {"query": {"percolate": {"field": "query", "document": {"title": "Ministers gathered in Zürich"}}}}""");
            assertEquals(List.of("zurich-ministers"), ids(matched));

            // _reindex (reindex module): how a versioned index is rebuilt from another.
            Map<String, Object> reindexed = rest.call("POST", "/_reindex?refresh=true", """
                    {"source": {"index": "news"}, "dest": {"index": "news-copy"}}""");
            assertEquals(1, ((Number) reindexed.get("created")).intValue());
        } finally {
            stop(node);
        }
        Path log = home.resolve("logs/search-node.log");
        assertTrue(Files.readString(log).contains("closed"), "the node logged its orderly close in " + log);

        // The data survives the stop: a new node on the same folder serves the index again.
        Process again = launch();
        try {
            Rest rest = new Rest(awaitUrl(again));
            rest.call("GET", "/_cluster/health/news?wait_for_status=green&timeout=60s", null);
            assertEquals(1, ((Number) rest.call("GET", "/news/_count", null).get("count")).intValue());
        } finally {
            stop(again);
        }
    }

    private Process launch() throws IOException {
        Files.deleteIfExists(home.resolve("http.url"));
        Path target = Path.of("target").toAbsolutePath();
        String classpath = target.resolve("classes") + ":"
                + Files.readString(target.resolve("launcher.classpath")).trim();
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xms512m",
                        "-Xmx512m",
                        "-Djava.io.tmpdir=" + home,
                        "-Dlog4j2.shutdownHookEnabled=false",
                        "-cp",
                        classpath,
                        SearchNode.class.getName(),
                        home.toString(),
                        "0")
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("console.log").toFile())
                .start();
    }

    /** The URL the node writes once it listens. */
    private String awaitUrl(Process node) throws Exception {
        Path url = home.resolve("http.url");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!Files.exists(url)) {
            assertTrue(node.isAlive(), () -> "the node exited: " + read(home.resolve("console.log")));
            assertTrue(System.nanoTime() < deadline, "no URL after 3 minutes");
            node.waitFor(200, TimeUnit.MILLISECONDS); // returns at once when the node exits
        }
        String value = Files.readString(url).trim();
        assertTrue(value.matches("http://127\\.0\\.0\\.1:\\d+"), value);
        return value;
    }

    /** SIGTERM, as scripts/opensearch and Kubernetes send it: the shutdown hook closes the node. */
    private static void stop(Process node) throws InterruptedException {
        node.destroy();
        assertTrue(node.waitFor(60, TimeUnit.SECONDS), "the node stops within 60 s of SIGTERM");
        assertEquals(143, node.exitValue(), "exit status of a JVM ended by SIGTERM");
    }

    private static List<String> tokens(Rest rest, String text) {
        Map<String, Object> analyzed =
                rest.call("POST", "/news/_analyze", "{\"analyzer\": \"news\", \"text\": \"" + text + "\"}");
        List<Map<String, Object>> tokens = at(analyzed, "tokens");
        return tokens.stream().map(t -> (String) t.get("token")).toList();
    }

    private static List<String> ids(Map<String, Object> answer) {
        List<Map<String, Object>> hits = at(answer, "hits", "hits");
        return hits.stream().map(h -> (String) h.get("_id")).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(" + file + " unreadable)";
        }
    }
}
