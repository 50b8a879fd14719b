package io.newsgraph.search;

import static io.newsgraph.search.Rest.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsgraph.common.testing.TestOpenSearch;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** common's TestOpenSearch (what the services' tests will use): one node per JVM, via scripts/opensearch. */
class SharedTestNodeIT {
    @Test
    void startsOneNodeWithEveryModuleForTheWholeJvm() {
        TestOpenSearch node = TestOpenSearch.node();
        assertSame(node, TestOpenSearch.node(), "one node per test JVM");
        Rest rest = new Rest(node.url());
        assertEquals(
                "green", at(rest.call("GET", "/_cluster/health?wait_for_status=green&timeout=60s", null), "status"));

        Map<String, Object> nodes = rest.call("GET", "/_nodes/plugins", null);
        Map<String, Map<String, Object>> byId = at(nodes, "nodes");
        assertEquals(1, byId.size(), "a single node");
        List<Map<String, Object>> plugins = at(byId.values().iterator().next(), "plugins");
        Set<String> classes =
                plugins.stream().map(p -> (String) p.get("classname")).collect(Collectors.toSet());
        SearchNode.MODULES.forEach(
                module -> assertTrue(classes.contains(module.getName()), module.getName() + " in " + classes));

        Map<String, Map<String, Object>> http = at(rest.call("GET", "/_nodes/http", null), "nodes");
        List<String> bound = at(http.values().iterator().next(), "http", "bound_address");
        assertTrue(
                !bound.isEmpty() && bound.stream().allMatch(a -> a.startsWith("127.0.0.1:")),
                "loopback only: " + bound);
    }
}
